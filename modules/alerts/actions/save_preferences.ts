import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { SmsSender } from '#app/sms/index'
import { isVerified } from '#modules/verification/index'
import { SmsNotAvailableError } from '#modules/alerts/services/errors'
import { preferencesToRow, type AlertPreferences } from '#modules/alerts/services/preferences'
import { SEVERITIES } from '#modules/alerts/services/settings'

/**
 * A resident's channels per severity and quiet hours. SMS is opt-in and
 * costs money: it can only be switched on by a verified resident whose
 * number is verified, on a site that sends SMS.
 */
export default class SavePreferences {
  async execute(userId: number, preferences: AlertPreferences): Promise<void> {
    const wantsSms = SEVERITIES.some((severity) => preferences.channels.sms[severity])
    if (wantsSms) {
      const sender = await app.container.make(SmsSender)
      if (!sender.enabled) throw new SmsNotAvailableError('sms_disabled')
      if (!(await isVerified(userId))) throw new SmsNotAvailableError('not_verified')
      const phone = await db
        .from('alert_phones')
        .where('user_id', userId)
        .whereNotNull('verified_at')
        .first()
      if (!phone) throw new SmsNotAvailableError('phone_unverified')
    }
    await db
      .knexQuery()
      .table('alert_preferences')
      .insert({ user_id: userId, ...preferencesToRow(preferences), updated_at: new Date() })
      .onConflict('user_id')
      .merge()
  }
}
