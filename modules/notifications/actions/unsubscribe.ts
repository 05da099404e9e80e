import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { optOutAddress } from '#app/mail/address_opt_outs'
import { setDigestFrequency, setEmailChoice } from '#modules/notifications/services/preferences'
import { typeOf } from '#modules/notifications/services/types'
import type { UnsubscribeToken } from '#app/mail/unsubscribe_tokens'

/**
 * Turns off what an unsubscribe link names, once: the token's id is
 * recorded in the same transaction, and a link already used changes
 * nothing (a resident who turned the mails back on is not unsubscribed
 * again by an old mail, and a mail scanner replaying it does nothing).
 */
export default class Unsubscribe {
  async execute(token: UnsubscribeToken): Promise<'done' | 'already_used' | 'unknown_user'> {
    return db.transaction(async (trx) => {
      const target = token.target
      /** Invitations to someone without an account: no user to check or record. */
      if ('address' in target) {
        if (!(await this.recordUse(trx, token.id, null))) return 'already_used'
        await optOutAddress(trx, target.address)
        return 'done'
      }
      const user = await trx.from('users').where('id', token.userId).select('id').first()
      if (!user) return 'unknown_user'
      if (!(await this.recordUse(trx, token.id, token.userId))) return 'already_used'
      if ('digest' in target) {
        await setDigestFrequency(trx, token.userId, 'off')
        return 'done'
      }
      const declared = typeOf(target.type)
      if (declared.stopEmail) await declared.stopEmail(token.userId, trx)
      else await setEmailChoice(trx, token.userId, target.type, false)
      return 'done'
    })
  }

  /** False when the link was used already. */
  private async recordUse(
    trx: TransactionClientContract,
    tokenId: string,
    userId: number | null
  ): Promise<boolean> {
    const recorded = await trx
      .table('unsubscribe_tokens_used')
      .insert({ token_id: tokenId, user_id: userId, used_at: new Date() })
      .onConflict('token_id')
      .ignore()
      .returning('token_id')
    return recorded.length > 0
  }
}
