import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isVerified } from '#modules/verification/index'
import { reportableOf, type ReportedContent } from '#modules/moderation/services/reportables'
import { ModerationNotFoundError, ModerationRefusal } from '#modules/moderation/services/errors'
import {
  AUTO_HIDE_REASON,
  moderationSettings,
  type ReportReason,
} from '#modules/moderation/services/settings'

export interface ReportInput {
  reporterId: number
  kind: string
  contentId: number
  reason: ReportReason
  note?: string | null
}

export interface ReportOutcome {
  content: ReportedContent
  /** The content was hidden by this report (the threshold was reached). */
  hidden: boolean
}

/**
 * A resident reports content they can see. Once `hideThreshold` distinct
 * verified residents have open reports on it, it is hidden pending
 * review, in the same transaction as the report that reached the
 * threshold, and the automatic hide is logged.
 */
export default class FileReport {
  async execute(input: ReportInput): Promise<ReportOutcome> {
    const reportable = reportableOf(input.kind)
    if (!reportable) throw new ModerationNotFoundError()
    const content = await reportable.locate(input.contentId, input.reporterId)
    if (!content) throw new ModerationNotFoundError()
    if (content.authorId !== null && Number(content.authorId) === input.reporterId) {
      throw new ModerationRefusal('own_content', 422)
    }
    const counts = await isVerified(input.reporterId)

    const hidden = await db.transaction(async (trx) => {
      /** Reports on one content wait for each other: the threshold is crossed exactly once. */
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `report:${input.kind}:${input.contentId}`,
      ])
      const inserted = await trx
        .table('reports')
        .insert({
          kind: input.kind,
          content_id: input.contentId,
          reporter_id: input.reporterId,
          author_id: content.authorId,
          neighbourhood_id: content.neighbourhoodId,
          reason: input.reason,
          note: input.note || null,
          counts,
          status: 'open',
          created_at: new Date(),
        })
        .onConflict(['kind', 'content_id', 'reporter_id'])
        .ignore()
        .returning('id')
      if (inserted.length === 0) throw new ModerationRefusal('already_reported')
      if (!counts) return false
      return this.hideAtThreshold(input, trx)
    })
    return { content, hidden }
  }

  private async hideAtThreshold(input: ReportInput, trx: TransactionClientContract) {
    const reportable = reportableOf(input.kind)!
    const fresh = await reportable.find(input.contentId, trx)
    if (!fresh || fresh.hidden) return false
    const { rows } = await trx.rawQuery(
      `SELECT count(DISTINCT reporter_id)::int AS reporters FROM reports
        WHERE kind = ? AND content_id = ? AND status = 'open' AND counts`,
      [input.kind, input.contentId]
    )
    if (Number(rows[0]?.reporters ?? 0) < moderationSettings.hideThreshold) return false
    await reportable.setHidden(input.contentId, true, trx)
    await trx.table('moderation_actions').insert({
      kind: input.kind,
      content_id: input.contentId,
      action: 'auto_hide',
      reason: AUTO_HIDE_REASON,
      moderator_id: null,
      author_id: fresh.authorId,
      neighbourhood_id: fresh.neighbourhoodId,
      created_at: new Date(),
    })
    return true
  }
}
