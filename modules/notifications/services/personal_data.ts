import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'

/** What the centre holds about a resident: their notifications and their choices. */
export const notificationsPersonalData: PersonalDataSection = {
  name: 'notifications',

  async export(userId) {
    const [notifications, preferences, digest] = await Promise.all([
      db
        .from('notifications')
        .where('user_id', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .select('type', 'keys', 'values', 'path', 'read_at', 'created_at'),
      db
        .from('notification_preferences')
        .where('user_id', userId)
        .orderBy('type')
        .select('type', 'email', 'updated_at'),
      db
        .from('notification_digests')
        .where('user_id', userId)
        .select('frequency', 'last_digest_at')
        .first(),
    ])
    return {
      notifications: notifications.map((row) => ({
        type: row.type,
        keys: row.keys,
        values: typeof row.values === 'string' ? JSON.parse(row.values) : row.values,
        path: row.path,
        readAt: row.read_at,
        createdAt: row.created_at,
      })),
      emailPreferences: preferences.map((row) => ({
        type: row.type,
        email: Boolean(row.email),
        updatedAt: row.updated_at,
      })),
      digest: digest ? { frequency: digest.frequency, lastDigestAt: digest.last_digest_at } : null,
    }
  },

  async erase(userId, trx) {
    for (const table of [
      'notifications',
      'notification_preferences',
      'notification_digests',
      'unsubscribe_tokens_used',
    ]) {
      await trx.from(table).where('user_id', userId).delete()
    }
  },
}
