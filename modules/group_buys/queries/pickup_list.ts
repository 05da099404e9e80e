import type GroupBuy from '#modules/group_buys/models/group_buy'
import {
  activeParticipants,
  campaignPrice,
  type Participant,
} from '#modules/group_buys/queries/order_sheet'
import { lineCostCents } from '#modules/group_buys/services/pricing'
import type { GroupBuyStatus } from '#modules/group_buys/services/settings'

/** The list can be read from closing on; ticks only once the order is confirmed, until completed. */
export const PICKUP_VIEW_STATUSES: readonly GroupBuyStatus[] = [
  'closed',
  'confirmed',
  'delivered',
  'completed',
]
export const PICKUP_TICK_STATUSES: readonly GroupBuyStatus[] = ['confirmed', 'delivered']

export interface PickupLine extends Participant {
  /** Their quantity at the final unit price, rounded half up to the cent. */
  owedCents: number
}

export interface PickupList {
  lines: PickupLine[]
  unitPriceCents: number
  totals: {
    participants: number
    collected: number
    paid: number
    owedCents: number
    paidCents: number
  }
}

/** One line per participant (active pledge), by name, with what each owes and the running totals. */
export async function pickupList(campaign: GroupBuy): Promise<PickupList> {
  const participants = await activeParticipants(campaign.id)
  const totalMilli = participants.reduce((sum, item) => sum + item.quantityMilli, 0)
  const { unitPriceCents } = await campaignPrice(campaign, totalMilli)
  const lines = participants
    .map((participant) => ({
      ...participant,
      owedCents: lineCostCents(participant.quantityMilli, unitPriceCents),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.pledgeId - b.pledgeId)
  return {
    lines,
    unitPriceCents,
    totals: {
      participants: lines.length,
      collected: lines.filter((line) => line.collectedAt).length,
      paid: lines.filter((line) => line.paidAt).length,
      owedCents: lines.reduce((sum, line) => sum + line.owedCents, 0),
      paidCents: lines.reduce((sum, line) => sum + (line.paidAt ? line.owedCents : 0), 0),
    },
  }
}
