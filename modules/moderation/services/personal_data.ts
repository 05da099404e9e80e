import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/**
 * A resident's moderation data: the reports they made, their appeals, and
 * the decisions about their content or account (never who reported them).
 * Erasure unlinks their reports (kept, anonymous, for the other
 * reporters' count and the log) and deletes their appeals.
 */
export const moderationPersonalData: PersonalDataSection = {
  name: 'moderation',

  async export(userId: number) {
    const [reports, appeals, actions] = await Promise.all([
      db
        .from('reports')
        .where('reporter_id', userId)
        .orderBy('id')
        .select('kind', 'content_id', 'reason', 'note', 'status', 'created_at'),
      db
        .from('appeals')
        .where('author_id', userId)
        .orderBy('id')
        .select('action_id', 'text', 'status', 'decision_reason', 'created_at', 'decided_at'),
      db
        .from('moderation_actions')
        .where('author_id', userId)
        .orderBy('id')
        .select('id', 'kind', 'content_id', 'action', 'reason', 'until', 'created_at'),
    ])
    const sanctions = await db
      .from('sanctions')
      .where('user_id', userId)
      .orderBy('id')
      .select('kind', 'reason', 'until', 'lifted_at', 'created_at')
    return { reports, appeals, actions, sanctions }
  },

  async erase(userId, trx) {
    await trx.from('reports').where('reporter_id', userId).update({ reporter_id: null, note: null })
    await trx.from('reports').where('author_id', userId).update({ author_id: null })
    await trx.from('appeals').where('author_id', userId).delete()
    await trx.from('moderation_actions').where('author_id', userId).update({ author_id: null })
    await trx.from('sanctions').where('user_id', userId).delete()
  },
}
