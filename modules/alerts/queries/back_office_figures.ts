import db from '@adonisjs/lucid/services/db'

/**
 * Back office dashboard: alerts raised each week since `since` (retracted
 * ones included), Monday-based weeks in Paris time, 'YYYY-MM-DD' of the
 * Monday.
 */
export async function weeklyAlerts(since: Date): Promise<{ week: string; count: number }[]> {
  const { rows } = await db.rawQuery(
    `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM alerts
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

/** Deliveries that gave up and wait for an operator to replay them. */
export async function deadLetterCount(): Promise<number> {
  const [row] = await db.from('alert_deliveries').where('status', 'dead').count('* as total')
  return Number(row.total)
}
