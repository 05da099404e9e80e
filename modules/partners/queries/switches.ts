import db from '@adonisjs/lucid/services/db'

/** "plugin:town" pairs an operator switched off (no row: on). */
export async function switchedOff(): Promise<Set<string>> {
  const { rows } = await db.rawQuery<{ rows: { plugin_id: string; town_id: number }[] }>(
    'SELECT plugin_id, town_id FROM partner_town_switches WHERE NOT enabled'
  )
  return new Set(rows.map((row) => `${row.plugin_id}:${Number(row.town_id)}`))
}

export interface TownRow {
  id: number
  name: string
  inseeCode: string
}

/**
 * The towns the operator page lists: those where residents live, and any
 * with a switch already set (so a choice never disappears from view).
 * Reads the neighbourhoods module's towns and residents (read-only).
 */
export async function townsForSwitches(limit = 300): Promise<TownRow[]> {
  const { rows } = await db.rawQuery<{ rows: any[] }>(
    `SELECT t.id, t.name, t.insee_code FROM towns t
      WHERE EXISTS (SELECT 1 FROM residents r WHERE r.town_id = t.id)
         OR EXISTS (SELECT 1 FROM partner_town_switches s WHERE s.town_id = t.id)
      ORDER BY t.name, t.id
      LIMIT ?`,
    [limit]
  )
  return rows.map((row) => ({ id: Number(row.id), name: row.name, inseeCode: row.insee_code }))
}
