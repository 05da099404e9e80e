import type GroupBuy from '#modules/group_buys/models/group_buy'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { tellParticipants } from '#modules/group_buys/services/notify'
import type { GroupBuyStatus } from '#modules/group_buys/services/settings'

/**
 * After a cancellation's commit: open pages get the campaign's final
 * state and participants are told (a draft had neither). `milestone`
 * says whether its organiser cancelled it or left Quartier.
 */
export async function announceCancelled(
  groupBuy: GroupBuy,
  from: GroupBuyStatus,
  milestone: 'cancelled' | 'cancelled_organiser_left'
): Promise<void> {
  if (from === 'draft') return
  const tiers = await tiersOf(groupBuy.id)
  broadcastTotals(groupBuy, tiers)
  await tellParticipants(groupBuy, tiers, milestone)
}
