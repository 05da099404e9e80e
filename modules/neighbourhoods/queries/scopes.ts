import db from '@adonisjs/lucid/services/db'
import { preparedRows } from '#app/database/prepared'

/** Who sees a piece of content (CONTEXT.md). */
export type Scope = 'neighbourhood' | 'nearby' | 'town'
export const SCOPES: readonly Scope[] = ['neighbourhood', 'nearby', 'town']

/**
 * The neighbourhood ids whose content a resident can see for a scope,
 * their own first. Empty when they are not placed in a neighbourhood.
 * Plain indexed lookups: residents by user, precomputed nearby pairs,
 * neighbourhoods by town.
 */
export async function visibleNeighbourhoodIds(userId: number, scope: Scope): Promise<number[]> {
  const sql = {
    neighbourhood: `SELECT r.neighbourhood_id AS id FROM residents r
                     WHERE r.user_id = ? AND r.neighbourhood_id IS NOT NULL`,
    nearby: `SELECT r.neighbourhood_id AS id FROM residents r
              WHERE r.user_id = ? AND r.neighbourhood_id IS NOT NULL
             UNION ALL
             SELECT nn.neighbour_id FROM residents r
               JOIN neighbourhood_neighbours nn ON nn.neighbourhood_id = r.neighbourhood_id
              WHERE r.user_id = ?`,
    town: `SELECT n.id FROM residents r
             JOIN neighbourhoods own ON own.id = r.neighbourhood_id
             JOIN neighbourhoods n ON n.town_id = own.town_id
            WHERE r.user_id = ?
            ORDER BY (n.id = own.id) DESC, n.id`,
  }[scope]
  const bindings = scope === 'nearby' ? [userId, userId] : [userId]
  const rows = await preparedRows<{ id: number | string }>(sql, bindings)
  return rows.map((row) => Number(row.id))
}

/**
 * May this resident see an item published in `neighbourhoodId` for
 * `scope`? One indexed query, no spatial work.
 */
export async function maySee(
  userId: number,
  item: { neighbourhoodId: number; scope: Scope }
): Promise<boolean> {
  const { rows } = await db.rawQuery<{ rows: { allowed: boolean }[] }>(
    `SELECT CASE ?::text
        WHEN 'neighbourhood' THEN r.neighbourhood_id = ?
        WHEN 'nearby' THEN r.neighbourhood_id = ? OR EXISTS (
          SELECT 1 FROM neighbourhood_neighbours nn
           WHERE nn.neighbourhood_id = ? AND nn.neighbour_id = r.neighbourhood_id)
        WHEN 'town' THEN EXISTS (
          SELECT 1 FROM neighbourhoods own JOIN neighbourhoods item ON item.town_id = own.town_id
           WHERE own.id = r.neighbourhood_id AND item.id = ?)
        ELSE false END AS allowed
       FROM residents r WHERE r.user_id = ?`,
    [
      item.scope,
      item.neighbourhoodId,
      item.neighbourhoodId,
      item.neighbourhoodId,
      item.neighbourhoodId,
      userId,
    ]
  )
  return rows[0]?.allowed === true
}

/**
 * The reverse of visibleNeighbourhoodIds: the neighbourhoods whose
 * residents see an item published in `neighbourhoodId` for `scope` (whom
 * to tell live that something new appeared). Same rule as maySee().
 */
export async function audienceNeighbourhoodIds(item: {
  neighbourhoodId: number
  scope: Scope
}): Promise<number[]> {
  const sql = {
    neighbourhood: `SELECT ?::bigint AS id`,
    nearby: `SELECT ?::bigint AS id
             UNION SELECT nn.neighbour_id FROM neighbourhood_neighbours nn WHERE nn.neighbourhood_id = ?`,
    town: `SELECT ?::bigint AS id
           UNION SELECT nn.neighbour_id FROM neighbourhood_neighbours nn WHERE nn.neighbourhood_id = ?
           UNION SELECT n.id FROM neighbourhoods n
                   JOIN neighbourhoods own ON own.town_id = n.town_id WHERE own.id = ?`,
  }[item.scope]
  const count = { neighbourhood: 1, nearby: 2, town: 3 }[item.scope]
  const { rows } = await db.rawQuery<{ rows: { id: number | string }[] }>(
    sql,
    Array.from({ length: count }, () => item.neighbourhoodId)
  )
  return rows.map((row) => Number(row.id))
}
