import db from '@adonisjs/lucid/services/db'
import {
  CodeExpiredError,
  NoPendingCodeError,
  WrongCodeError,
} from '#modules/alerts/services/errors'
import { phoneCodeMatches } from '#modules/alerts/services/phone_codes'
import { alertSettings } from '#modules/alerts/services/settings'

/**
 * The code typed back: the number is verified. A wrong code uses one of
 * the 5 tries (the count is committed even though the answer is a
 * refusal); an expired or exhausted code must be asked for again.
 */
export default class ConfirmPhone {
  async execute(userId: number, code: string, now: Date = new Date()): Promise<void> {
    const outcome = await db.transaction(async (trx) => {
      const row = await trx.from('alert_phones').where('user_id', userId).forUpdate().first()
      if (!row || !row.code_hash) return { error: new NoPendingCodeError() }
      const attempts = Number(row.code_attempts)
      if (
        row.code_expires_at.getTime() <= now.getTime() ||
        attempts >= alertSettings.sms.codeMaxAttempts
      ) {
        await trx
          .from('alert_phones')
          .where('user_id', userId)
          .update({ code_hash: null, code_expires_at: null, updated_at: now })
        return { error: new CodeExpiredError() }
      }
      if (!phoneCodeMatches(userId, row.phone, code, row.code_hash)) {
        const left = alertSettings.sms.codeMaxAttempts - attempts - 1
        await trx
          .from('alert_phones')
          .where('user_id', userId)
          .update({
            code_attempts: attempts + 1,
            ...(left <= 0 ? { code_hash: null, code_expires_at: null } : {}),
            updated_at: now,
          })
        return { error: left <= 0 ? new CodeExpiredError() : new WrongCodeError(left) }
      }
      await trx.from('alert_phones').where('user_id', userId).update({
        verified_at: now,
        code_hash: null,
        code_expires_at: null,
        code_attempts: 0,
        updated_at: now,
      })
      return { error: null }
    })
    if (outcome.error) throw outcome.error
  }
}
