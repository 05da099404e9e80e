import db from '@adonisjs/lucid/services/db'

/**
 * Back office dashboard: accounts created each week since `since`
 * (Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday; weeks
 * without sign-ups are absent).
 */
export async function weeklySignUps(since: Date): Promise<{ week: string; count: number }[]> {
  const { rows } = await db.rawQuery(
    `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM users
      WHERE created_at >= ?
      GROUP BY 1
      ORDER BY 1`,
    [since]
  )
  return rows.map((row: { week: string; count: number }) => ({
    week: row.week,
    count: Number(row.count),
  }))
}
