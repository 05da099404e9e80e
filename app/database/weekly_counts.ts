import db from '@adonisjs/lucid/services/db'

export interface WeekCount {
  /** Monday of the week, 'YYYY-MM-DD' (Paris). */
  week: string
  count: number
}

/**
 * Rows of `table` per Monday-based week in Paris time, by `column`, since
 * `since` (weeks without rows are absent): the back office's charts. Each
 * module asks for its own table; names are the module's constants, never
 * input.
 */
export async function weeklyCounts(
  table: string,
  column: string,
  since: Date
): Promise<WeekCount[]> {
  const { rows } = await db.rawQuery(
    `SELECT to_char(date_trunc('week', ?? AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM ??
      WHERE ?? >= ?
      GROUP BY 1
      ORDER BY 1`,
    [column, table, column, since]
  )
  return rows.map((row: WeekCount) => ({ week: row.week, count: Number(row.count) }))
}
