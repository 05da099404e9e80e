import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import transmit from '@adonisjs/transmit/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { accounts } from '#modules/accounts/index'
import { notify } from '#modules/notifications/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { groupBuyPath } from '#modules/group_buys/services/links'
import {
  formatCents,
  formatQuantity,
  lineCostCents,
  savings,
  unitPriceFor,
  type PriceTier,
} from '#modules/group_buys/services/pricing'

/** The moments every participant is told about (the last: cancelled as its organiser left Quartier). */
export type Milestone =
  | 'threshold'
  | 'closed'
  | 'confirmed'
  | 'delivered'
  | 'failed'
  | 'cancelled'
  | 'cancelled_organiser_left'

/** Milestones the organiser did not cause themselves: they are told too. */
const ORGANISER_TOLD: readonly Milestone[] = ['threshold', 'closed', 'failed']

/**
 * Tells every participant (active pledges) of a campaign that it reached
 * a milestone, after the commit: an e-mail (what they pledged, the price,
 * what they owe) and, in the app, a sentence on the resident's own live
 * channel (`users/:id/inbox`) that any page they have open announces. The
 * campaign page itself shows where it stands (its status panel). What
 * happened stands even if a mail cannot be queued: failures are logged.
 */
export async function tellParticipants(
  groupBuy: GroupBuy,
  tiers: readonly PriceTier[],
  milestone: Milestone
): Promise<void> {
  let pledges: { user_id: number | string; quantity_milli: number | string }[]
  try {
    pledges = await db
      .from('group_buy_pledges')
      .where('group_buy_id', groupBuy.id)
      .whereNull('cancelled_at')
      .select('user_id', 'quantity_milli')
  } catch (error) {
    logger.error({ err: error, groupBuyId: groupBuy.id }, 'group buy participants not read')
    return
  }
  const told = new Set<number>()
  for (const pledge of pledges) {
    const userId = Number(pledge.user_id)
    told.add(userId)
    await tell(groupBuy, tiers, milestone, userId, Number(pledge.quantity_milli))
  }
  if (ORGANISER_TOLD.includes(milestone) && !told.has(groupBuy.organiserId)) {
    await tell(groupBuy, tiers, milestone, groupBuy.organiserId, null)
  }
}

/** One resident, in their language: with their pledge, or as the organiser without one. */
async function tell(
  groupBuy: GroupBuy,
  tiers: readonly PriceTier[],
  milestone: Milestone,
  userId: number,
  quantityMilli: number | null
): Promise<void> {
  try {
    const recipient = await accounts.mailRecipientOf(userId)
    if (!recipient) return
    const locale = recipient.locale
    const i18n = i18nManager.locale(locale)
    const priceCents =
      groupBuy.finalUnitPriceCents ??
      unitPriceFor(groupBuy.baseUnitPriceCents, tiers, groupBuy.totalMilli)
    const day = (value: string) =>
      i18n.formatDate(new Date(`${value}T12:00:00Z`), { dateStyle: 'full', timeZone: 'UTC' })
    const values: Record<string, string | number> = {
      name: recipient.displayName,
      title: groupBuy.title,
      total: formatQuantity(groupBuy.totalMilli, groupBuy.unit, locale),
      minimum: formatQuantity(groupBuy.minTotalMilli, groupBuy.unit, locale),
      price: formatCents(priceCents, locale),
      place: groupBuy.placeLabel,
      from: day(groupBuy.windowStartsOn),
      until: day(groupBuy.windowEndsOn),
      reason: groupBuy.cancelReason ?? '',
    }
    if (quantityMilli !== null) {
      const saved = savings(quantityMilli, groupBuy.baseUnitPriceCents, priceCents)
      Object.assign(values, {
        quantity: formatQuantity(quantityMilli, groupBuy.unit, locale),
        owe: formatCents(lineCostCents(quantityMilli, priceCents), locale),
        saved: formatCents(saved.cents, locale),
        percent: i18n.formatNumber(saved.percent, { maximumFractionDigits: 1 }),
      })
    }
    const keys =
      quantityMilli === null
        ? `group_buys.mail.organiser_${milestone}`
        : `group_buys.mail.${milestone}`
    transmit.broadcast(`users/${userId}/inbox`, {
      kind: 'group_buy',
      groupBuyId: groupBuy.id,
      status: groupBuy.status,
      text: i18n.t(`group_buys.live.${milestone}`, { title: groupBuy.title }),
    })
    /** Through the notification centre: kept in-app, mailed as the resident chose (unsubscribe link). */
    await notify({
      userId,
      type: 'group_buys.updates',
      keys,
      values,
      path: groupBuyPath(groupBuy.id),
    })
  } catch (error) {
    logger.error({ err: error, userId, milestone }, 'group buy notification not sent')
  }
}
