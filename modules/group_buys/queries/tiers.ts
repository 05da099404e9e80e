import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { PriceTier } from '#modules/group_buys/services/pricing'

/** A campaign's price tiers, smallest quantity first. */
export async function tiersOf(
  groupBuyId: number,
  trx?: TransactionClientContract
): Promise<PriceTier[]> {
  const rows = await (trx ?? db)
    .from('group_buy_tiers')
    .where('group_buy_id', groupBuyId)
    .orderBy('min_total_milli')
    .select('min_total_milli', 'unit_price_cents')
  return rows.map((row) => ({
    minTotalMilli: Number(row.min_total_milli),
    unitPriceCents: Number(row.unit_price_cents),
  }))
}
