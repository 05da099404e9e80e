import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { mayModerate } from '#modules/moderation/services/access'
import { ModerationNotFoundError, ModerationRefusal } from '#modules/moderation/services/errors'
import { reportableOf, type ReportedContent } from '#modules/moderation/services/reportables'
import type { ModeratorAction } from '#modules/moderation/services/settings'

export interface ActionInput {
  moderatorId: number
  reportId: number
  action: ModeratorAction
  reason: string
  /** Suspensions only. */
  days?: number
}

export interface ActionOutcome {
  actionId: number
  kind: string
  contentId: number
  authorId: number | null
  until: Date | null
  content: ReportedContent | null
}

/**
 * A moderator decides on reported content: dismiss the reports, hide or
 * remove the content, or warn, suspend or ban its author. Every decision
 * closes the content's open reports and is written to the log. Reports
 * of a neighbourhood the moderator does not moderate are not found.
 */
export default class TakeAction {
  async execute(input: ActionInput): Promise<ActionOutcome> {
    return db.transaction(async (trx) => {
      const report = await trx
        .from('reports')
        .where('id', input.reportId)
        .select('kind', 'content_id', 'neighbourhood_id', 'author_id')
        .first()
      if (!report) throw new ModerationNotFoundError()
      const neighbourhoodId = Number(report.neighbourhood_id)
      if (!(await mayModerate(input.moderatorId, neighbourhoodId, { trx }))) {
        throw new ModerationNotFoundError()
      }
      const kind = String(report.kind)
      const contentId = Number(report.content_id)
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `report:${kind}:${contentId}`,
      ])
      const reportable = reportableOf(kind)
      const content = reportable ? await reportable.find(contentId, trx) : null
      const authorId =
        content?.authorId ?? (report.author_id === null ? null : Number(report.author_id))
      let until: Date | null = null

      switch (input.action) {
        case 'dismiss':
          if (content?.hidden && (await this.lastHideWasAutomatic(kind, contentId, trx))) {
            await reportable!.setHidden(contentId, false, trx)
          }
          break
        case 'hide':
          if (!content) throw new ModerationRefusal('content_gone')
          if (!content.hidden) await reportable!.setHidden(contentId, true, trx)
          break
        case 'remove':
          if (!content) throw new ModerationRefusal('content_gone')
          await reportable!.remove(contentId, trx)
          break
        case 'warn':
        case 'suspend':
        case 'ban':
          if (authorId === null) throw new ModerationRefusal('no_author', 422)
          if (input.action === 'suspend') {
            until = new Date(Date.now() + (input.days ?? 1) * 86_400_000)
          }
          break
      }

      const [logged] = await trx
        .table('moderation_actions')
        .insert({
          kind,
          content_id: contentId,
          action: input.action,
          reason: input.reason,
          moderator_id: input.moderatorId,
          author_id: authorId,
          neighbourhood_id: neighbourhoodId,
          until,
          created_at: new Date(),
        })
        .returning('id')
      const actionId = Number(typeof logged === 'object' ? logged.id : logged)

      if (input.action === 'warn' || input.action === 'suspend' || input.action === 'ban') {
        await trx.table('sanctions').insert({
          user_id: authorId,
          kind: input.action,
          reason: input.reason,
          until,
          action_id: actionId,
          created_at: new Date(),
        })
      }
      await trx
        .from('reports')
        .where({ kind, content_id: contentId, status: 'open' })
        .update({
          status: input.action === 'dismiss' ? 'dismissed' : 'actioned',
          resolved_at: new Date(),
        })
      return { actionId, kind, contentId, authorId, until, content }
    })
  }

  /** A dismissal shows again what the reports hid, never what a moderator hid on purpose. */
  private async lastHideWasAutomatic(
    kind: string,
    contentId: number,
    trx: TransactionClientContract
  ): Promise<boolean> {
    const last = await trx
      .from('moderation_actions')
      .where({ kind, content_id: contentId })
      .whereIn('action', ['auto_hide', 'hide', 'appeal_overturned'])
      .orderBy('id', 'desc')
      .select('action')
      .first()
    return last?.action === 'auto_hide'
  }
}
