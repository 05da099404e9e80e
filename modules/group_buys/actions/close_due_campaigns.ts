import db from '@adonisjs/lucid/services/db'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { lockCampaign } from '#modules/group_buys/queries/campaign_access'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { tellParticipants } from '#modules/group_buys/services/notify'
import { unitPriceFor } from '#modules/group_buys/services/pricing'
import { assertMove, stamp } from '#modules/group_buys/services/transitions'

export interface ClosingReport {
  /** Threshold reached at the deadline: closed, the final unit price fixed. */
  closed: number
  /** Threshold not reached: failed. */
  failed: number
}

const BATCH = 100

/**
 * The pass over open campaigns whose deadline has come (run every minute
 * by the queue; idempotent; tests call it after moving deadlines). Each
 * campaign is locked and read again: with its threshold reached it
 * closes and its unit price is fixed at the tier the total reached;
 * otherwise it fails. Participants are told after each commit.
 */
export default class CloseDueCampaigns {
  async execute(now: Date = new Date()): Promise<ClosingReport> {
    const report: ClosingReport = { closed: 0, failed: 0 }
    const seen: number[] = []
    while (true) {
      const rows = await db
        .from('group_buys')
        .where('status', 'open')
        .where('deadline', '<=', now)
        .whereNotIn('id', seen.length ? seen : [0])
        .orderBy('deadline')
        .limit(BATCH)
        .select('id')
      if (rows.length === 0) return report
      for (const row of rows) {
        seen.push(Number(row.id))
        const outcome = await this.close(Number(row.id), now)
        if (outcome) report[outcome] += 1
      }
    }
  }

  private async close(id: number, now: Date): Promise<'closed' | 'failed' | null> {
    const result = await db.transaction(async (trx) => {
      const groupBuy = await lockCampaign(trx, id)
      if (groupBuy.status !== 'open' || groupBuy.deadline.toJSDate() > now) return null
      const tiers = await tiersOf(id, trx)
      const outcome = groupBuy.totalMilli >= groupBuy.minTotalMilli ? 'closed' : 'failed'
      assertMove(groupBuy, outcome)
      if (outcome === 'closed') {
        groupBuy.finalUnitPriceCents = unitPriceFor(
          groupBuy.baseUnitPriceCents,
          tiers,
          groupBuy.totalMilli
        )
      }
      stamp(groupBuy, outcome, now)
      await groupBuy.useTransaction(trx).save()
      return { groupBuy, tiers, outcome } as const
    })
    if (!result) return null
    await this.tell(result.groupBuy, result.tiers, result.outcome)
    return result.outcome
  }

  private async tell(
    groupBuy: GroupBuy,
    tiers: Awaited<ReturnType<typeof tiersOf>>,
    outcome: 'closed' | 'failed'
  ) {
    broadcastTotals(groupBuy, tiers)
    await tellParticipants(groupBuy, tiers, outcome)
  }
}
