import db from '@adonisjs/lucid/services/db'
import { weeklyCounts, type WeekCount } from '#app/database/weekly_counts'

/**
 * Back office dashboard: verifications recorded each week since `since`
 * (every method, revoked ones included: the work done that week),
 * Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday.
 */
export function weeklyVerifications(since: Date): Promise<WeekCount[]> {
  return weeklyCounts('verifications', 'created_at', since)
}

/** What waits for an operator: documents to review, postcard requests to print. */
export async function verificationQueueCounts(): Promise<{ documents: number; postcards: number }> {
  const { rows } = await db.rawQuery(
    `SELECT (SELECT count(*) FROM address_documents WHERE status = 'pending')::int AS documents,
            (SELECT count(*) FROM postcard_requests WHERE status = 'requested')::int AS postcards`
  )
  return { documents: Number(rows[0].documents), postcards: Number(rows[0].postcards) }
}
