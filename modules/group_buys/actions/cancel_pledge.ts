import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { lockCampaign, visibleCampaign } from '#modules/group_buys/queries/campaign_access'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { assertPledgeable } from '#modules/group_buys/actions/pledge'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { withdrawPledge } from '#modules/group_buys/services/pledge_withdrawal'

/**
 * A neighbour withdraws their pledge before the deadline. The row stays
 * (cancelled), for the organiser's record; the campaign's total drops in
 * the same transaction, under its row lock. The threshold, once told,
 * is not told again if the total climbs back.
 */
export default class CancelPledge {
  async execute(userId: number, groupBuyId: number): Promise<GroupBuy> {
    await visibleCampaign(groupBuyId, userId)
    const groupBuy = await db.transaction(async (trx) => {
      const campaign = await lockCampaign(trx, groupBuyId)
      const now = new Date()
      assertPledgeable(campaign, now)
      if (!(await withdrawPledge(trx, campaign, userId, now))) {
        throw new GroupBuyRefusal('no_pledge', 409)
      }
      return campaign
    })
    broadcastTotals(groupBuy, await tiersOf(groupBuyId))
    return groupBuy
  }
}
