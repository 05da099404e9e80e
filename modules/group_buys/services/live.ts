import transmit from '@adonisjs/transmit/services/main'
import logger from '@adonisjs/core/services/logger'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { groupBuyChannel } from '#modules/group_buys/services/links'
import { unitPriceFor, type PriceTier } from '#modules/group_buys/services/pricing'

/** What open campaign pages receive on `group_buys/:id`: totals only, never who pledged. */
export interface LiveTotals {
  kind: 'group_buy.progress'
  status: string
  totalMilli: number
  minTotalMilli: number
  unitPriceCents: number
}

/**
 * Tells the campaign's open pages its new totals, after the commit (the
 * pages then fetch their progress panel again). A failure is logged: the
 * pledge stands and shows on the next page load.
 */
export function broadcastTotals(groupBuy: GroupBuy, tiers: readonly PriceTier[]): void {
  try {
    const payload: LiveTotals = {
      kind: 'group_buy.progress',
      status: groupBuy.status,
      totalMilli: groupBuy.totalMilli,
      minTotalMilli: groupBuy.minTotalMilli,
      unitPriceCents:
        groupBuy.finalUnitPriceCents ??
        unitPriceFor(groupBuy.baseUnitPriceCents, tiers, groupBuy.totalMilli),
    }
    transmit.broadcast(groupBuyChannel(groupBuy.id), { ...payload })
  } catch (error) {
    logger.error({ err: error, groupBuyId: groupBuy.id }, 'group buy totals not broadcast')
  }
}
