import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { SmsSender } from '#app/sms/index'
import { accounts } from '#modules/accounts/index'
import { isVerified } from '#modules/verification/index'
import {
  CodeTooSoonError,
  SmsNotAvailableError,
  SmsSendFailedError,
} from '#modules/alerts/services/errors'
import { hashPhoneCode, newPhoneCode } from '#modules/alerts/services/phone_codes'
import { alertSettings } from '#modules/alerts/services/settings'

/**
 * A verified resident gives the mobile number alerts may be texted to: a
 * 6-digit code goes to it by SMS (stored as an HMAC, valid 10 minutes, 5
 * tries, one new code a minute at most). The number serves no alert until
 * the code comes back (ConfirmPhone). Giving the number already verified
 * changes nothing.
 */
export default class RegisterPhone {
  async execute(
    userId: number,
    phone: string,
    now: Date = new Date()
  ): Promise<'code_sent' | 'already_verified'> {
    const sender = await app.container.make(SmsSender)
    if (!sender.enabled) throw new SmsNotAvailableError('sms_disabled')
    if (!(await isVerified(userId))) throw new SmsNotAvailableError('not_verified')
    const { codeTtlMinutes, codeResendSeconds } = alertSettings.sms
    const code = newPhoneCode()

    const outcome = await db.transaction(async (trx) => {
      const current = await trx.from('alert_phones').where('user_id', userId).forUpdate().first()
      if (current && current.phone === phone && current.verified_at) return 'already_verified'
      if (current?.code_sent_at) {
        const wait = codeResendSeconds * 1000 - (now.getTime() - current.code_sent_at.getTime())
        if (wait > 0) throw new CodeTooSoonError(Math.ceil(wait / 1000))
      }
      const row = {
        phone,
        verified_at: null,
        code_hash: hashPhoneCode(userId, phone, code),
        code_expires_at: new Date(now.getTime() + codeTtlMinutes * 60_000),
        code_attempts: 0,
        code_sent_at: now,
        updated_at: now,
      }
      if (current) await trx.from('alert_phones').where('user_id', userId).update(row)
      else await trx.table('alert_phones').insert({ user_id: userId, ...row, created_at: now })
      return 'code_sent'
    })
    if (outcome === 'already_verified') return outcome

    const resident = await accounts.findResident(userId)
    const body = i18nManager
      .locale(resident?.locale ?? 'fr')
      .t('alerts.phone.sms', { code, minutes: codeTtlMinutes })
    try {
      await sender.send({ to: phone, body })
    } catch (error) {
      logger.warn({ err: error, userId }, 'phone code SMS not sent')
      /** Nothing was received: let the resident ask again at once. */
      await db
        .from('alert_phones')
        .where('user_id', userId)
        .update({ code_hash: null, code_expires_at: null, code_sent_at: null })
      throw new SmsSendFailedError()
    }
    return 'code_sent'
  }
}
