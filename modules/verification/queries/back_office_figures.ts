import db from '@adonisjs/lucid/services/db'

/**
 * Back office dashboard: verifications recorded each week since `since`
 * (every method, revoked ones included: the work done that week),
 * Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday.
 */
export async function weeklyVerifications(since: Date): Promise<{ week: string; count: number }[]> {
  const { rows } = await db.rawQuery(
    `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
            count(*)::int AS count
       FROM verifications
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

/** What waits for an operator: documents to review, postcard requests to print. */
export async function verificationQueueCounts(): Promise<{ documents: number; postcards: number }> {
  const { rows } = await db.rawQuery(
    `SELECT (SELECT count(*) FROM address_documents WHERE status = 'pending')::int AS documents,
            (SELECT count(*) FROM postcard_requests WHERE status = 'requested')::int AS postcards`
  )
  return { documents: Number(rows[0].documents), postcards: Number(rows[0].postcards) }
}
