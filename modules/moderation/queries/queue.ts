import db from '@adonisjs/lucid/services/db'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import type { ModeratorScope } from '#modules/moderation/services/access'

export interface QueueEntry {
  /** The oldest open report: the page to review the content from. */
  reportId: number
  kind: string
  contentId: number
  reports: number
  reasons: string[]
  firstAt: Date
  neighbourhoodName: string | null
  hidden: boolean
}

/**
 * Open reports grouped by content, oldest first: every neighbourhood for
 * operators, the neighbourhoods they moderate for moderators.
 */
export async function moderationQueue(scope: ModeratorScope): Promise<QueueEntry[]> {
  if (!scope.operator && scope.neighbourhoodIds.length === 0) return []
  const rows = await db
    .from('reports')
    .where('status', 'open')
    .if(!scope.operator, (query) => query.whereIn('neighbourhood_id', scope.neighbourhoodIds))
    .groupBy('kind', 'content_id', 'neighbourhood_id')
    .select(
      'kind',
      'content_id',
      'neighbourhood_id',
      db.raw('min(id) AS report_id'),
      db.raw('count(*)::int AS reports'),
      db.raw('array_agg(DISTINCT reason) AS reasons'),
      db.raw('min(created_at) AS first_at'),
      db.raw(`EXISTS (SELECT 1 FROM moderation_actions a
                WHERE a.kind = reports.kind AND a.content_id = reports.content_id
                  AND a.action = 'auto_hide' AND a.created_at >= min(reports.created_at)) AS hidden`)
    )
    .orderBy('first_at', 'asc')
    .limit(200)
  const names = await neighbourhoodNames(rows.map((row) => Number(row.neighbourhood_id)))
  return rows.map((row) => ({
    reportId: Number(row.report_id),
    kind: String(row.kind),
    contentId: Number(row.content_id),
    reports: Number(row.reports),
    reasons: row.reasons as string[],
    firstAt: new Date(row.first_at),
    neighbourhoodName: names.get(Number(row.neighbourhood_id))?.name ?? null,
    hidden: row.hidden === true,
  }))
}
