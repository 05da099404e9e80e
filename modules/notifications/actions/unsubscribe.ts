import db from '@adonisjs/lucid/services/db'
import { setDigestFrequency, setEmailChoice } from '#modules/notifications/services/preferences'
import { typeOf } from '#modules/notifications/services/types'
import type { UnsubscribeToken } from '#modules/notifications/services/unsubscribe_tokens'

/**
 * Turns off what an unsubscribe link names, once: the token's id is
 * recorded in the same transaction, and a link already used changes
 * nothing (a resident who turned the mails back on is not unsubscribed
 * again by an old mail, and a mail scanner replaying it does nothing).
 */
export default class Unsubscribe {
  async execute(token: UnsubscribeToken): Promise<'done' | 'already_used' | 'unknown_user'> {
    return db.transaction(async (trx) => {
      const user = await trx.from('users').where('id', token.userId).select('id').first()
      if (!user) return 'unknown_user'
      const recorded = await trx
        .table('unsubscribe_tokens_used')
        .insert({ token_id: token.id, user_id: token.userId, used_at: new Date() })
        .onConflict('token_id')
        .ignore()
        .returning('token_id')
      if (recorded.length === 0) return 'already_used'
      if ('digest' in token.target) {
        await setDigestFrequency(trx, token.userId, 'off')
        return 'done'
      }
      const declared = typeOf(token.target.type)
      if (declared.stopEmail) await declared.stopEmail(token.userId, trx)
      else await setEmailChoice(trx, token.userId, token.target.type, false)
      return 'done'
    })
  }
}
