import db from '@adonisjs/lucid/services/db'
import { ModerationNotFoundError, ModerationRefusal } from '#modules/moderation/services/errors'
import { APPEALABLE, type LoggedAction } from '#modules/moderation/services/settings'

/** The author of moderated content (or the sanctioned resident) appeals an action, once. */
export default class FileAppeal {
  async execute(input: { authorId: number; actionId: number; text: string }): Promise<number> {
    return db.transaction(async (trx) => {
      const action = await trx
        .from('moderation_actions')
        .where({ id: input.actionId, author_id: input.authorId })
        .select('id', 'action')
        .forUpdate()
        .first()
      if (!action) throw new ModerationNotFoundError()
      if (!APPEALABLE.includes(action.action as LoggedAction)) {
        throw new ModerationRefusal('not_appealable', 422)
      }
      const [row] = await trx
        .table('appeals')
        .insert({
          action_id: input.actionId,
          author_id: input.authorId,
          text: input.text,
          status: 'pending',
          created_at: new Date(),
        })
        .onConflict('action_id')
        .ignore()
        .returning('id')
      if (!row) throw new ModerationRefusal('already_appealed')
      return Number(typeof row === 'object' ? row.id : row)
    })
  }
}
