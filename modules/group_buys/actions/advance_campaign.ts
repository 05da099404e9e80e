import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { tellParticipants } from '#modules/group_buys/services/notify'
import { organiserMove } from '#modules/group_buys/services/transitions'

/** The organiser's steps after closing, in order. */
export type OrganiserStep = 'confirmed' | 'delivered' | 'completed'

/**
 * After the deadline the organiser carries the order through: the
 * supplier confirmed it (at the price fixed when it closed), it was
 * delivered (participants come and collect), every pickup is done
 * (completed). Each step only from the one before (409 otherwise);
 * participants are told of confirmation and delivery after the commit.
 */
export default class AdvanceCampaign {
  async execute(userId: number, groupBuyId: number, to: OrganiserStep): Promise<GroupBuy> {
    const { groupBuy } = await db.transaction((trx) => organiserMove(trx, userId, groupBuyId, to))
    const tiers = await tiersOf(groupBuy.id)
    broadcastTotals(groupBuy, tiers)
    if (to === 'confirmed' || to === 'delivered') await tellParticipants(groupBuy, tiers, to)
    return groupBuy
  }
}
