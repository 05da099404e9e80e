import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { announceCancelled } from '#modules/group_buys/services/cancellation'
import { organiserMove } from '#modules/group_buys/services/transitions'

/**
 * The organiser cancels (from a draft up to a confirmed order, never once
 * delivered), saying why; participants are told after the commit, with
 * the reason. Pledges stay as they were, for the record.
 */
export default class CancelCampaign {
  async execute(userId: number, groupBuyId: number, reason: string): Promise<GroupBuy> {
    const { groupBuy, from } = await db.transaction((trx) =>
      organiserMove(trx, userId, groupBuyId, 'cancelled', (campaign) => {
        campaign.cancelReason = reason
      })
    )
    await announceCancelled(groupBuy, from, 'cancelled')
    return groupBuy
  }
}
