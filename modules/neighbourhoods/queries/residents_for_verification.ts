import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Read-side helpers the verification module needs about residents and
 * places (exported through index.ts). Nothing here exposes a home point.
 */

export interface TownSummary {
  id: number
  inseeCode: string
  name: string
  departement: string
}

export async function townOf(townId: number): Promise<TownSummary | null> {
  const row = await db
    .from('towns')
    .where('id', townId)
    .select('id', 'insee_code', 'name', 'departement')
    .first()
  if (!row) return null
  return {
    id: Number(row.id),
    inseeCode: row.insee_code,
    name: row.name,
    departement: row.departement,
  }
}

export interface NeighbourSummary {
  userId: number
  streetName: string | null
  verifiedAt: Date | null
}

/**
 * Residents of a neighbourhood (verified ones only when asked), without
 * `exceptUserId`, ordered by id. Street level only.
 */
export async function residentsOf(
  neighbourhoodId: number,
  options: { verifiedOnly?: boolean; exceptUserId?: number; limit?: number } = {}
): Promise<NeighbourSummary[]> {
  const query = db
    .from('residents')
    .where('neighbourhood_id', neighbourhoodId)
    .select('user_id', 'street_name', 'verified_at')
    .orderBy('user_id')
    .limit(options.limit ?? 500)
  if (options.verifiedOnly) query.whereNotNull('verified_at')
  if (options.exceptUserId !== undefined) query.whereNot('user_id', options.exceptUserId)
  const rows = await query
  return rows.map((row) => ({
    userId: Number(row.user_id),
    streetName: row.street_name,
    verifiedAt: row.verified_at,
  }))
}

/**
 * Whether two residents live at the same address: homes within 15 m of
 * each other (same building), or the same address label once case,
 * accents, punctuation and spacing are set aside.
 */
export async function liveAtSameAddress(
  userA: number,
  userB: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<boolean> {
  const { rows } = await (options.trx ?? db).rawQuery(
    `SELECT ST_DWithin(a.home_point::geography, b.home_point::geography, 15)
              OR lower(regexp_replace(a.address_label, '[^[:alnum:]]+', '', 'g'))
               = lower(regexp_replace(b.address_label, '[^[:alnum:]]+', '', 'g')) AS same
       FROM residents a, residents b WHERE a.user_id = ? AND b.user_id = ?`,
    [userA, userB]
  )
  return Boolean(rows[0]?.same)
}

/** Neighbourhoods where a resident holds the moderator role. */
export async function moderatedNeighbourhoodIds(userId: number): Promise<number[]> {
  const rows = await db
    .from('neighbourhood_roles')
    .where({ user_id: userId, role: 'moderator' })
    .select('neighbourhood_id')
  return rows.map((row) => Number(row.neighbourhood_id))
}

/** A neighbourhood's name and slug (for lists that show it). */
export async function neighbourhoodNames(
  ids: number[]
): Promise<Map<number, { name: string; slug: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .from('neighbourhoods')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'name', 'slug')
  return new Map(rows.map((row) => [Number(row.id), { name: row.name, slug: row.slug }]))
}
