import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/**
 * Alerts the resident raised, their alert phone and preferences. Erasure
 * keeps raised alerts (the neighbourhood's record, "former resident") and
 * deletes the phone, push subscriptions, preferences and deliveries.
 */
export const alertsPersonalData: PersonalDataSection = {
  name: 'alerts',

  async export(userId: number) {
    const raised = await db
      .from('alerts')
      .where('author_id', userId)
      .orderBy('id')
      .select('kind', 'severity', 'text', 'behaviour', 'direction', 'status', 'created_at')
    const phone = await db.from('alert_phones').where('user_id', userId).select('phone').first()
    const preferences = await db.from('alert_preferences').where('user_id', userId).first()
    const devices = await db
      .from('alert_push_subscriptions')
      .where('user_id', userId)
      .select('user_agent', 'created_at')
    if (preferences) delete preferences.user_id
    return { raised, phone: phone?.phone ?? null, preferences: preferences ?? null, devices }
  },

  async erase(userId: number, trx) {
    await trx.from('alert_phones').where('user_id', userId).delete()
    await trx.from('alert_push_subscriptions').where('user_id', userId).delete()
    await trx.from('alert_preferences').where('user_id', userId).delete()
    await trx.from('alert_deliveries').where('user_id', userId).delete()
  },
}
