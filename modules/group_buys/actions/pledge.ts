import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import { authorizeTrust } from '#modules/verification/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import { lockCampaign, visibleCampaign } from '#modules/group_buys/queries/campaign_access'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { householdKey } from '#modules/group_buys/services/household'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { tellParticipants } from '#modules/group_buys/services/notify'

/** Refuses pledging on a campaign that is not open, or whose deadline has come. */
export function assertPledgeable(groupBuy: GroupBuy, now: Date): void {
  if (groupBuy.status !== 'open') {
    throw new GroupBuyRefusal('not_open', 409, { status: groupBuy.status })
  }
  if (groupBuy.deadline.toJSDate() <= now) throw new GroupBuyRefusal('deadline_passed', 409)
}

/**
 * A verified neighbour pledges a quantity, or changes their pledge, until
 * the deadline. Under the campaign's row lock (every pledge queues on
 * it): the new total must stay within the supplier's maximum and the
 * household's pledges (residents at the same address) within the
 * per-household limit; the pledge and the campaign's total are written
 * together. Concurrent pledges therefore never exceed the maximum. After
 * the commit, open pages get the new totals, and everyone is told when
 * this pledge is the one that reached the threshold.
 */
export default class Pledge {
  async execute(
    userId: number,
    groupBuyId: number,
    quantityMilli: number
  ): Promise<{ groupBuy: GroupBuy; changed: boolean }> {
    await authorizeTrust(userId, 'pledge')
    await visibleCampaign(groupBuyId, userId)
    const { groupBuy, thresholdReached, changed } = await db.transaction(async (trx) => {
      const campaign = await lockCampaign(trx, groupBuyId)
      const now = new Date()
      assertPledgeable(campaign, now)
      const home = await residentHome(userId, { trx })
      if (!home?.neighbourhoodId) throw new GroupBuyRefusal('not_placed', 409)
      const key = householdKey(userId, home)
      const existing = await GroupBuyPledge.query({ client: trx })
        .where({ groupBuyId, userId })
        .first()
      const previous = existing && !existing.cancelledAt ? existing.quantityMilli : 0
      const othersTotal = campaign.totalMilli - previous

      if (campaign.maxTotalMilli !== null && othersTotal + quantityMilli > campaign.maxTotalMilli) {
        const left = Math.max(0, campaign.maxTotalMilli - othersTotal)
        throw new GroupBuyRefusal(
          left === 0 ? 'full' : 'over_maximum',
          422,
          {
            leftMilli: left,
            unit: campaign.unit,
          },
          'quantity'
        )
      }
      if (campaign.householdMaxMilli !== null) {
        const household = await householdTotal(trx, groupBuyId, key, userId)
        if (household + quantityMilli > campaign.householdMaxMilli) {
          throw new GroupBuyRefusal(
            'over_household',
            422,
            {
              leftMilli: Math.max(0, campaign.householdMaxMilli - household),
              maxMilli: campaign.householdMaxMilli,
              unit: campaign.unit,
            },
            'quantity'
          )
        }
      }

      if (existing) {
        existing.merge({ quantityMilli, householdKey: key, cancelledAt: null })
        await existing.useTransaction(trx).save()
      } else {
        await GroupBuyPledge.create(
          { groupBuyId, userId, householdKey: key, quantityMilli },
          { client: trx }
        )
      }
      campaign.totalMilli = othersTotal + quantityMilli
      /** Told once: the first time the total reaches the threshold. */
      const reached =
        campaign.thresholdReachedAt === null && campaign.totalMilli >= campaign.minTotalMilli
      if (reached) campaign.thresholdReachedAt = DateTime.fromJSDate(now)
      await campaign.useTransaction(trx).save()
      return { groupBuy: campaign, thresholdReached: reached, changed: previous > 0 }
    })

    const tiers = await tiersOf(groupBuyId)
    broadcastTotals(groupBuy, tiers)
    if (thresholdReached) await tellParticipants(groupBuy, tiers, 'threshold')
    return { groupBuy, changed }
  }
}

/** What the rest of a household (same key, other residents) has pledged. */
async function householdTotal(
  trx: TransactionClientContract,
  groupBuyId: number,
  key: string,
  userId: number
): Promise<number> {
  const row = await trx
    .from('group_buy_pledges')
    .where({ group_buy_id: groupBuyId, household_key: key })
    .whereNot('user_id', userId)
    .whereNull('cancelled_at')
    .sum('quantity_milli as total')
    .first()
  return Number(row?.total ?? 0)
}
