import db from '@adonisjs/lucid/services/db'

/** A moderator of a neighbourhood, as the operators' page lists them. */
export interface ModeratorEntry {
  userId: number
  since: Date
  grantedById: number | null
}

/** A super voisin of the neighbourhood who does not moderate it yet. */
export interface CandidateEntry {
  userId: number
  superVoisinSince: Date
}

export interface NeighbourhoodModerators {
  neighbourhoodId: number
  name: string
  townName: string
  moderators: ModeratorEntry[]
  candidates: CandidateEntry[]
}

/**
 * Every neighbourhood with a moderator or a super voisin (by town, then
 * name): its moderators, oldest first, and its super voisins who are not
 * moderators yet. Operators only (the back office).
 */
export async function moderatorsByNeighbourhood(limit = 2000): Promise<NeighbourhoodModerators[]> {
  const { rows } = await db.rawQuery(
    `SELECT r.user_id, r.neighbourhood_id, r.role, r.granted_by_id, r.created_at,
            n.name, t.name AS town_name
       FROM neighbourhood_roles r
       JOIN neighbourhoods n ON n.id = r.neighbourhood_id
       JOIN towns t ON t.id = n.town_id
      WHERE r.role = 'moderator'
         OR (r.role = 'super_voisin' AND NOT EXISTS (
               SELECT 1 FROM neighbourhood_roles m
                WHERE m.role = 'moderator'
                  AND m.user_id = r.user_id
                  AND m.neighbourhood_id = r.neighbourhood_id))
      ORDER BY t.name, n.name, n.id, r.created_at, r.id
      LIMIT ?`,
    [limit]
  )
  const byNeighbourhood = new Map<number, NeighbourhoodModerators>()
  for (const row of rows) {
    const id = Number(row.neighbourhood_id)
    let entry = byNeighbourhood.get(id)
    if (!entry) {
      entry = {
        neighbourhoodId: id,
        name: row.name,
        townName: row.town_name,
        moderators: [],
        candidates: [],
      }
      byNeighbourhood.set(id, entry)
    }
    if (row.role === 'moderator') {
      entry.moderators.push({
        userId: Number(row.user_id),
        since: new Date(row.created_at),
        grantedById: row.granted_by_id === null ? null : Number(row.granted_by_id),
      })
    } else {
      entry.candidates.push({
        userId: Number(row.user_id),
        superVoisinSince: new Date(row.created_at),
      })
    }
  }
  return [...byNeighbourhood.values()]
}

/** A neighbourhood's name (for the notices after a change); null when it does not exist. */
export async function neighbourhoodName(id: number): Promise<string | null> {
  const row = await db.from('neighbourhoods').where('id', id).select('name').first()
  return row?.name ?? null
}
