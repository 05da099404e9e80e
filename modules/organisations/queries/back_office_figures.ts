import db from '@adonisjs/lucid/services/db'

/**
 * What waits for an operator (the same rows as the operator page):
 * verification reviews asked for, shop postcards to print.
 */
export async function organisationQueueCounts(): Promise<{ reviews: number; postcards: number }> {
  const { rows } = await db.rawQuery(
    `SELECT (SELECT count(*) FROM organisations WHERE verification_status = 'pending')::int AS reviews,
            (SELECT count(*) FROM organisation_postcards
              WHERE printed_at IS NULL AND used_at IS NULL)::int AS postcards`
  )
  return { reviews: Number(rows[0].reviews), postcards: Number(rows[0].postcards) }
}
