import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { NeighbourSummary } from '#modules/neighbourhoods/queries/residents_for_verification'

/**
 * A neighbourhood's residents one page at a time, in user id order, from
 * the last id of the previous page (keyset: each page costs the same
 * however far along, and a caller that stopped can resume from the last
 * id it handled). Street level only, like residentsOf. Pass `trx` inside
 * a transaction (the embedded database has a single connection).
 */
export async function residentsPage(
  neighbourhoodId: number,
  options: {
    afterUserId?: number
    limit: number
    exceptUserId?: number
    verifiedOnly?: boolean
    trx?: TransactionClientContract
  }
): Promise<NeighbourSummary[]> {
  const query = (options.trx ?? db)
    .from('residents')
    .where('neighbourhood_id', neighbourhoodId)
    .where('user_id', '>', options.afterUserId ?? 0)
    .select('user_id', 'street_name', 'verified_at')
    .orderBy('user_id')
    .limit(options.limit)
  if (options.verifiedOnly) query.whereNotNull('verified_at')
  if (options.exceptUserId !== undefined) query.whereNot('user_id', options.exceptUserId)
  const rows = await query
  return rows.map((row) => ({
    userId: Number(row.user_id),
    streetName: row.street_name,
    verifiedAt: row.verified_at,
  }))
}
