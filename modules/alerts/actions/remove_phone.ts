import db from '@adonisjs/lucid/services/db'
import { SEVERITIES } from '#modules/alerts/services/settings'

/** The resident takes their number back: it is deleted and SMS alerts are switched off. */
export default class RemovePhone {
  async execute(userId: number): Promise<void> {
    await db.transaction(async (trx) => {
      await trx.from('alert_phones').where('user_id', userId).delete()
      await trx
        .from('alert_preferences')
        .where('user_id', userId)
        .update({
          ...Object.fromEntries(SEVERITIES.map((severity) => [`sms_${severity}`, false])),
          updated_at: new Date(),
        })
    })
  }
}
