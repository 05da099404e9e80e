import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'

/**
 * Withdraws a resident's active pledge on a campaign whose row the caller
 * has locked: the row stays (cancelled), for the organiser's record, and
 * the campaign's total drops in the same transaction. Null if they had
 * no active pledge.
 */
export async function withdrawPledge(
  trx: TransactionClientContract,
  campaign: GroupBuy,
  userId: number,
  now: Date
): Promise<GroupBuyPledge | null> {
  const pledge = await GroupBuyPledge.query({ client: trx })
    .where({ groupBuyId: campaign.id, userId })
    .whereNull('cancelledAt')
    .first()
  if (!pledge) return null
  pledge.cancelledAt = DateTime.fromJSDate(now)
  await pledge.useTransaction(trx).save()
  campaign.totalMilli -= pledge.quantityMilli
  await campaign.useTransaction(trx).save()
  return pledge
}
