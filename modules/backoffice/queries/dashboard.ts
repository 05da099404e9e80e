import { urlFor } from '@adonisjs/core/services/url_builder'
import { weeklySignUps } from '#modules/accounts/index'
import { deadLetterCount, weeklyAlerts } from '#modules/alerts/index'
import { weeklyExchanges } from '#modules/exchanges/index'
import { weeklyGroupBuysOpened } from '#modules/group_buys/index'
import { ambassadorQueueCounts } from '#modules/neighbourhoods/index'
import { organisationQueueCounts } from '#modules/organisations/index'
import { pluginsNeedingAttention } from '#modules/partners/index'
import { moderationQueueCounts } from '#modules/moderation/index'
import { verificationQueueCounts, weeklyVerifications } from '#modules/verification/index'
import { fillWeeks, lastWeeks } from '#modules/backoffice/services/weeks'

export interface QueueCount {
  /** Its label: backoffice.queues.<key>. */
  key: string
  count: number
  href: string
}

export const CHART_KEYS = [
  'sign_ups',
  'verifications',
  'exchanges',
  'group_buys',
  'alerts',
] as const
export type ChartKey = (typeof CHART_KEYS)[number]

/** What waits in each queue of the back office, each with the page that works it. */
export async function queueCounts(): Promise<QueueCount[]> {
  const [verification, ambassadors, organisations, deadLetters, plugins, moderation] =
    await Promise.all([
      verificationQueueCounts(),
      ambassadorQueueCounts(),
      organisationQueueCounts(),
      deadLetterCount(),
      pluginsNeedingAttention(),
      moderationQueueCounts(),
    ])
  return [
    {
      key: 'documents',
      count: verification.documents,
      href: urlFor('operators.verification.documents.index'),
    },
    {
      key: 'postcards',
      count: verification.postcards,
      href: urlFor('operators.verification.postcards.index'),
    },
    {
      key: 'applications',
      count: ambassadors.applications,
      href: urlFor('operators.ambassadors.applications.index'),
    },
    {
      key: 'kits_to_approve',
      count: ambassadors.kitsToApprove,
      href: urlFor('operators.ambassadors.kits.index', {}, { qs: { status: 'requested' } }),
    },
    {
      key: 'kits_to_ship',
      count: ambassadors.kitsToShip,
      href: urlFor('operators.ambassadors.kits.index', {}, { qs: { status: 'approved' } }),
    },
    {
      key: 'organisations',
      count: organisations.reviews,
      href: urlFor('operators.organisations.index'),
    },
    {
      key: 'organisation_postcards',
      count: organisations.postcards,
      href: urlFor('operators.organisations.index'),
    },
    {
      key: 'dead_letters',
      count: deadLetters,
      href: urlFor('operators.alerts.dead_letters.index'),
    },
    { key: 'plugins', count: plugins, href: urlFor('operators.partners.index') },
    { key: 'reports', count: moderation.reports, href: urlFor('moderation.queue') },
    {
      key: 'appeals',
      count: moderation.appeals,
      href: urlFor('moderation.appeal_review.index'),
    },
  ]
}

/** The weekly series of each chart over the last weeks, every week present (0 if none). */
export async function weeklySeries(now = new Date()) {
  const { keys, since } = lastWeeks(now)
  const [signUps, verifications, exchanges, groupBuys, alerts] = await Promise.all([
    weeklySignUps(since),
    weeklyVerifications(since),
    weeklyExchanges(since),
    weeklyGroupBuysOpened(since),
    weeklyAlerts(since),
  ])
  const series: Record<ChartKey, { week: string; count: number }[]> = {
    sign_ups: fillWeeks(keys, signUps),
    verifications: fillWeeks(keys, verifications),
    exchanges: fillWeeks(keys, exchanges),
    group_buys: fillWeeks(keys, groupBuys),
    alerts: fillWeeks(keys, alerts),
  }
  return { weeks: keys, series }
}
