import db from '@adonisjs/lucid/services/db'

/**
 * Back office dashboard: campaigns opened each week since `since` (by
 * when they were published; drafts never opened are left out),
 * Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday.
 */
export async function weeklyGroupBuysOpened(
  since: Date
): Promise<{ week: string; count: number }[]> {
  const { rows } = await db.rawQuery(
    `SELECT to_char(date_trunc('week', published_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM group_buys
      WHERE published_at >= ?
      GROUP BY 1
      ORDER BY 1`,
    [since]
  )
  return rows.map((row: { week: string; count: number }) => ({
    week: row.week,
    count: Number(row.count),
  }))
}
