import { preparedRows } from '#app/database/prepared'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface ResidentHome {
  townId: number | null
  neighbourhoodId: number | null
  addressLabel: string
  streetName: string | null
  latitude: number
  longitude: number
  verifiedAt: Date | null
}

/**
 * A resident's own home (private: only for their own pages). `forUpdate`
 * (inside `trx`) locks the row until the transaction ends.
 */
export async function residentHome(
  userId: number,
  options: { trx?: TransactionClientContract; forUpdate?: boolean } = {}
): Promise<ResidentHome | null> {
  const sql = `SELECT town_id, neighbourhood_id, address_label, street_name, verified_at,
                      ST_Y(home_point) AS latitude, ST_X(home_point) AS longitude
                 FROM residents WHERE user_id = ?${options.forUpdate ? ' FOR UPDATE' : ''}`
  /** Read on every page: outside a transaction, as a prepared statement (plan cached). */
  const rows = options.trx
    ? await options.trx.rawQuery(sql, [userId]).then((result) => result.rows)
    : await preparedRows<any>(sql, [userId])
  const row = rows[0]
  if (!row) return null
  return {
    townId: row.town_id === null ? null : Number(row.town_id),
    neighbourhoodId: row.neighbourhood_id === null ? null : Number(row.neighbourhood_id),
    addressLabel: row.address_label,
    streetName: row.street_name,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    verifiedAt: row.verified_at,
  }
}
