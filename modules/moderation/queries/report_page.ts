import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { covers, type ModeratorScope } from '#modules/moderation/services/access'
import { reportableOf, type ReportedContent } from '#modules/moderation/services/reportables'

export interface ReportPage {
  reportId: number
  kind: string
  contentId: number
  content: ReportedContent | null
  authorName: string | null
  neighbourhoodName: string | null
  /** Every report on this content; moderators see reasons and notes, never who reported. */
  reports: { reason: string; note: string | null; counts: boolean; status: string; at: Date }[]
  history: { action: string; reason: string; at: Date; until: Date | null }[]
  open: boolean
}

/** One report's content as a moderator reviews it; null outside the moderator's neighbourhoods. */
export async function reportPage(
  reportId: number,
  scope: ModeratorScope
): Promise<ReportPage | null> {
  const report = await db.from('reports').where('id', reportId).first()
  if (!report || !covers(scope, Number(report.neighbourhood_id))) return null
  const kind = String(report.kind)
  const contentId = Number(report.content_id)
  const [content, reports, history, names] = await Promise.all([
    reportableOf(kind)?.find(contentId) ?? Promise.resolve(null),
    db
      .from('reports')
      .where({ kind, content_id: contentId })
      .orderBy('id', 'desc')
      .select('reason', 'note', 'counts', 'status', 'created_at'),
    db
      .from('moderation_actions')
      .where({ kind, content_id: contentId })
      .orderBy('id', 'desc')
      .select('action', 'reason', 'created_at', 'until'),
    neighbourhoodNames([Number(report.neighbourhood_id)]),
  ])
  const authorId = content?.authorId ?? report.author_id
  const authors =
    authorId === null ? new Map<number, string>() : await accounts.displayNames([Number(authorId)])
  const authorName = authorId === null ? null : (authors.get(Number(authorId)) ?? null)
  return {
    reportId,
    kind,
    contentId,
    content,
    authorName,
    neighbourhoodName: names.get(Number(report.neighbourhood_id))?.name ?? null,
    reports: reports.map((row) => ({
      reason: row.reason,
      note: row.note,
      counts: row.counts === true,
      status: row.status,
      at: new Date(row.created_at),
    })),
    history: history.map((row) => ({
      action: row.action,
      reason: row.reason,
      at: new Date(row.created_at),
      until: row.until ? new Date(row.until) : null,
    })),
    open: reports.some((row) => row.status === 'open'),
  }
}
