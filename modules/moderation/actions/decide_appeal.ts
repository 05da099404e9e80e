import db from '@adonisjs/lucid/services/db'
import { ModerationNotFoundError, ModerationRefusal } from '#modules/moderation/services/errors'
import { reportableOf } from '#modules/moderation/services/reportables'

export interface AppealDecision {
  appealId: number
  operatorId: number
  decision: 'uphold' | 'overturn'
  reason: string
}

export interface AppealOutcome {
  authorId: number
  action: string
  overturned: boolean
}

/**
 * An operator decides an appeal. Overturning shows hidden content again
 * or lifts the sanction (removed content is gone for good: the decision
 * is still recorded). The decision joins the public log.
 */
export default class DecideAppeal {
  async execute(input: AppealDecision): Promise<AppealOutcome> {
    return db.transaction(async (trx) => {
      const appeal = await trx
        .from('appeals')
        .where('id', input.appealId)
        .forUpdate()
        .select('id', 'action_id', 'author_id', 'status')
        .first()
      if (!appeal) throw new ModerationNotFoundError()
      if (appeal.status !== 'pending') throw new ModerationRefusal('appeal_decided')
      const action = await trx
        .from('moderation_actions')
        .where('id', appeal.action_id)
        .firstOrFail()
      const overturned = input.decision === 'overturn'
      const kind = String(action.kind)
      const contentId = Number(action.content_id)

      if (overturned) {
        if (action.action === 'hide' || action.action === 'auto_hide') {
          const reportable = reportableOf(kind)
          const content = reportable ? await reportable.find(contentId, trx) : null
          if (content?.hidden) await reportable!.setHidden(contentId, false, trx)
        }
        await trx
          .from('sanctions')
          .where('action_id', action.id)
          .whereNull('lifted_at')
          .update({ lifted_at: new Date() })
      }
      await trx
        .from('appeals')
        .where('id', appeal.id)
        .update({
          status: overturned ? 'overturned' : 'upheld',
          decided_by: input.operatorId,
          decision_reason: input.reason,
          decided_at: new Date(),
        })
      await trx.table('moderation_actions').insert({
        kind,
        content_id: contentId,
        action: overturned ? 'appeal_overturned' : 'appeal_upheld',
        reason: input.reason,
        moderator_id: input.operatorId,
        author_id: action.author_id,
        neighbourhood_id: action.neighbourhood_id,
        appealed_action_id: action.id,
        created_at: new Date(),
      })
      return { authorId: Number(appeal.author_id), action: String(action.action), overturned }
    })
  }
}
