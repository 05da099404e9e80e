import { accounts } from '#modules/accounts/index'
import { residentHome } from '#modules/neighbourhoods/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import GroupBuyTier from '#modules/group_buys/models/group_buy_tier'
import { SheetNotFoundError } from '#modules/group_buys/services/order_sheet_errors'
import { lineCostCents, unitPriceFor, type PriceTier } from '#modules/group_buys/services/pricing'
import type { GroupBuyStatus } from '#modules/group_buys/services/settings'

/** The order is known once pledging stops: from closing on, cancelled campaigns aside. */
export const SHEET_STATUSES: readonly GroupBuyStatus[] = [
  'closed',
  'confirmed',
  'delivered',
  'completed',
]

/**
 * The campaign of the URL if the viewer organises it (or is an operator,
 * when `operators`); SheetNotFoundError otherwise, a 404 that does not
 * tell whether it exists.
 */
export async function organisedCampaign(
  id: number,
  viewerId: number,
  options: { operators?: boolean } = {}
): Promise<GroupBuy> {
  const campaign = await GroupBuy.find(id)
  if (!campaign) throw new SheetNotFoundError()
  if (campaign.organiserId === viewerId) return campaign
  if (options.operators && (await accounts.isOperator(viewerId))) return campaign
  throw new SheetNotFoundError()
}

export interface Participant {
  pledgeId: number
  userId: number
  householdKey: string
  /** Full display name: the organiser hands the goods over to them. */
  name: string
  /** Street level only, as everywhere on Quartier. */
  street: string | null
  quantityMilli: number
  collectedAt: Date | null
  paidAt: Date | null
}

/** Active (not cancelled) pledges with who made them, in pledge order. */
export async function activeParticipants(campaignId: number): Promise<Participant[]> {
  const pledges = await GroupBuyPledge.query()
    .where('group_buy_id', campaignId)
    .whereNull('cancelled_at')
    .orderBy('id')
  const names = await accounts.displayNames(pledges.map((pledge) => pledge.userId))
  const streets = new Map<number, string | null>()
  for (const pledge of pledges) {
    const home = await residentHome(pledge.userId)
    streets.set(pledge.userId, home?.streetName ?? null)
  }
  return pledges.map((pledge) => ({
    pledgeId: pledge.id,
    userId: pledge.userId,
    householdKey: pledge.householdKey,
    name: names.get(pledge.userId) ?? '',
    street: streets.get(pledge.userId) ?? null,
    quantityMilli: pledge.quantityMilli,
    collectedAt: pledge.collectedAt?.toJSDate() ?? null,
    paidAt: pledge.paidAt?.toJSDate() ?? null,
  }))
}

/** The tier with the highest threshold the total reaches (thresholds inclusive); null: base price. */
export function reachedTier(tiers: readonly PriceTier[], totalMilli: number): PriceTier | null {
  let reached: PriceTier | null = null
  for (const tier of tiers) {
    if (
      tier.minTotalMilli <= totalMilli &&
      (!reached || tier.minTotalMilli > reached.minTotalMilli)
    )
      reached = tier
  }
  return reached
}

export interface CampaignPrice {
  tiers: PriceTier[]
  tier: PriceTier | null
  /** Fixed at closing (final_unit_price_cents); worked out from the tiers if not. */
  unitPriceCents: number
}

export async function campaignPrice(
  campaign: GroupBuy,
  totalMilli: number
): Promise<CampaignPrice> {
  const rows = await GroupBuyTier.query()
    .where('group_buy_id', campaign.id)
    .orderBy('min_total_milli')
  const tiers = rows.map((row) => ({
    minTotalMilli: row.minTotalMilli,
    unitPriceCents: row.unitPriceCents,
  }))
  return {
    tiers,
    tier: reachedTier(tiers, totalMilli),
    unitPriceCents:
      campaign.finalUnitPriceCents ?? unitPriceFor(campaign.baseUnitPriceCents, tiers, totalMilli),
  }
}

export interface SheetHousehold {
  /** 1, 2, ... in the sheet's order: the reference the supplier and organiser share. */
  number: number
  names: string[]
  street: string | null
  quantityMilli: number
  amountCents: number
}

export interface OrderSheet extends CampaignPrice {
  households: SheetHousehold[]
  participants: number
  totalMilli: number
  /** What the supplier bills: the total quantity at the unit price, rounded half up once. */
  totalCents: number
  /** The households' shares, each rounded half up: may differ from totalCents by a few cents. */
  sharesCents: number
}

/**
 * The supplier's order: active pledges grouped by household (residents
 * at one address), by street then names (a delivery round), with each
 * household's amount at the final unit price.
 */
export async function orderSheet(campaign: GroupBuy): Promise<OrderSheet> {
  const participants = await activeParticipants(campaign.id)
  const byHousehold = new Map<string, Participant[]>()
  for (const participant of participants) {
    const members = byHousehold.get(participant.householdKey) ?? []
    members.push(participant)
    byHousehold.set(participant.householdKey, members)
  }
  const totalMilli = participants.reduce((sum, item) => sum + item.quantityMilli, 0)
  const price = await campaignPrice(campaign, totalMilli)
  const households = [...byHousehold.values()]
    .map((members) => {
      const names = members.map((member) => member.name).sort((a, b) => a.localeCompare(b))
      const quantityMilli = members.reduce((sum, member) => sum + member.quantityMilli, 0)
      return {
        number: 0,
        names,
        street: members.find((member) => member.street)?.street ?? null,
        quantityMilli,
        amountCents: lineCostCents(quantityMilli, price.unitPriceCents),
      }
    })
    .sort(
      (a, b) =>
        (a.street ?? '\uffff').localeCompare(b.street ?? '\uffff') ||
        a.names.join().localeCompare(b.names.join())
    )
    .map((household, index) => ({ ...household, number: index + 1 }))
  return {
    ...price,
    households,
    participants: participants.length,
    totalMilli,
    totalCents: lineCostCents(totalMilli, price.unitPriceCents),
    sharesCents: households.reduce((sum, household) => sum + household.amountCents, 0),
  }
}
