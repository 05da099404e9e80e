import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import { PICKUP_TICK_STATUSES } from '#modules/group_buys/queries/pickup_list'
import { refusalFor, SheetNotFoundError } from '#modules/group_buys/services/order_sheet_errors'

export type PickupMark = 'collected' | 'paid'

/**
 * The organiser ticks (or unticks) "collected" or "paid" on a participant's
 * line of the pickup list, while the order is confirmed or delivered.
 * Payment happens hand to hand: this only records it. Ticking twice keeps
 * the first time. Gives whose line it was. The campaign row is shared-locked so that its state
 * cannot move under the tick.
 */
export default class TickPickup {
  async execute(input: {
    organiserId: number
    groupBuyId: number
    pledgeId: number
    mark: PickupMark
    done: boolean
  }): Promise<{ userId: number }> {
    return db.transaction(async (trx) => {
      const campaign = await GroupBuy.query({ client: trx })
        .where('id', input.groupBuyId)
        .forShare()
        .first()
      if (!campaign || campaign.organiserId !== input.organiserId) throw new SheetNotFoundError()
      if (!PICKUP_TICK_STATUSES.includes(campaign.status)) {
        throw refusalFor('tick', campaign.status)
      }
      const pledge = await GroupBuyPledge.query({ client: trx })
        .where('id', input.pledgeId)
        .where('group_buy_id', campaign.id)
        .whereNull('cancelled_at')
        .forUpdate()
        .first()
      if (!pledge) throw new SheetNotFoundError()
      const column = input.mark === 'collected' ? 'collectedAt' : 'paidAt'
      if (input.done !== Boolean(pledge[column])) {
        pledge[column] = input.done ? DateTime.now() : null
        await pledge.useTransaction(trx).save()
      }
      return { userId: pledge.userId }
    })
  }
}
