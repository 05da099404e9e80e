import { supplierShopLink } from '#modules/group_buys/services/supplier_shop'
import { accounts } from '#modules/accounts/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { trustLevel, type TrustLevel, publicName } from '#modules/verification/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import {
  ownPledge,
  participantsOf,
  progressOf,
  type OwnPledge,
  type Progress,
} from '#modules/group_buys/queries/progress'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { groupBuyChannel, groupBuyPath } from '#modules/group_buys/services/links'
import { formatQuantity } from '#modules/group_buys/services/pricing'
import { TRANSITIONS, type GroupBuyStatus } from '#modules/group_buys/services/settings'

export interface CampaignPageState {
  /** A verified shop named as supplier: its name and storefront. */
  supplierShop: { name: string; path: string } | null
  groupBuy: GroupBuy
  organiser: { name: string; street: string | null }
  neighbourhoodName: string | null
  progress: Progress
  mine: OwnPledge | null
  /** The per-household limit, written out; null without one. */
  household: string | null
  /** Dates as text in the page's language. */
  dates: { deadline: string; from: string; until: string; closedAt: string | null }
  viewer: {
    trust: TrustLevel
    isOrganiser: boolean
    /** Open and before the deadline: the pledge form is shown. */
    mayPledge: boolean
  }
  /** The organiser's steps from the current state (the state machine's), cancelling aside. */
  steps: { to: GroupBuyStatus; url: string }[]
  mayCancel: boolean
  live: { channel: string; fragment: string } | null
}

/** The organiser's buttons: the route of each state they may move the campaign to. */
const STEP_PATHS: Partial<Record<GroupBuyStatus, string>> = {
  open: 'open',
  confirmed: 'confirm',
  delivered: 'deliver',
  completed: 'complete',
}

/** A calendar day ('YYYY-MM-DD') in words, whatever the server's zone. */
function dayText(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
    dateStyle: 'full',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))
}

/** A moment in words, Paris time. */
export function momentText(moment: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(moment)
}

/** The progress panel alone: the page's, and what its live updates fetch again. */
export async function progressState(groupBuy: GroupBuy, viewerId: number, locale: string) {
  const [tiers, participants] = await Promise.all([
    tiersOf(groupBuy.id),
    participantsOf(groupBuy.id),
  ])
  const progress = progressOf(groupBuy, tiers, participants, locale)
  const mine = await ownPledge(groupBuy, viewerId, progress.unitPriceCents, locale)
  return { groupBuy, progress, mine }
}

/**
 * Everything the campaign page shows to one viewer (who may see it:
 * checked before): the organiser by first name + initial and street,
 * never an address; totals, never who pledged; the viewer's own pledge
 * with what they owe and save; the organiser's next steps.
 */
export async function campaignPageState(
  groupBuy: GroupBuy,
  viewerId: number,
  locale: string,
  now: Date = new Date()
): Promise<CampaignPageState> {
  const [trust, names, places, panel, supplierShop] = await Promise.all([
    trustLevel(viewerId),
    accounts.displayNames([groupBuy.organiserId]),
    neighbourhoodNames([groupBuy.neighbourhoodId]),
    progressState(groupBuy, viewerId, locale),
    supplierShopLink(groupBuy.supplierShopId),
  ])
  const isOrganiser = groupBuy.organiserId === viewerId
  const open = groupBuy.status === 'open' && groupBuy.deadline.toJSDate() > now
  return {
    groupBuy,
    organiser: {
      name: publicName(names.get(groupBuy.organiserId) ?? '', trust),
      street: groupBuy.organiserStreet,
    },
    neighbourhoodName: places.get(groupBuy.neighbourhoodId)?.name ?? null,
    supplierShop,
    progress: panel.progress,
    mine: panel.mine,
    household:
      groupBuy.householdMaxMilli === null
        ? null
        : formatQuantity(groupBuy.householdMaxMilli, groupBuy.unit, locale),
    dates: {
      deadline: momentText(groupBuy.deadline.toJSDate(), locale),
      from: dayText(groupBuy.windowStartsOn, locale),
      until: dayText(groupBuy.windowEndsOn, locale),
      closedAt: groupBuy.closedAt ? momentText(groupBuy.closedAt.toJSDate(), locale) : null,
    },
    viewer: { trust, isOrganiser, mayPledge: open && trust === 'verified' },
    /** closed and failed come from the deadline job, never from a button. */
    steps: isOrganiser
      ? TRANSITIONS[groupBuy.status].flatMap((to) =>
          STEP_PATHS[to] ? [{ to, url: `${groupBuyPath(groupBuy.id)}/${STEP_PATHS[to]}` }] : []
        )
      : [],
    mayCancel: isOrganiser && TRANSITIONS[groupBuy.status].includes('cancelled'),
    live:
      groupBuy.status === 'draft'
        ? null
        : {
            channel: groupBuyChannel(groupBuy.id),
            fragment: `${groupBuyPath(groupBuy.id)}/progress`,
          },
  }
}
