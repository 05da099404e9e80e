import db from '@adonisjs/lucid/services/db'

/**
 * What waits for the operators (back office dashboard): pieces of
 * content with at least one open report, and appeals not yet decided.
 */
export async function moderationQueueCounts(): Promise<{ reports: number; appeals: number }> {
  const [reports, appeals] = await Promise.all([
    db
      .from('reports')
      .where('status', 'open')
      .countDistinct({ total: db.raw(`(kind, content_id)`) })
      .first(),
    db.from('appeals').where('status', 'pending').count('* as total').first(),
  ])
  return { reports: Number(reports?.total ?? 0), appeals: Number(appeals?.total ?? 0) }
}
