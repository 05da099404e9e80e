import db from '@adonisjs/lucid/services/db'
import { PushEndpointRefusedError } from '#modules/alerts/services/errors'
import { isPushServiceEndpoint } from '#modules/alerts/services/push/endpoints'
import { alertSettings } from '#modules/alerts/services/settings'

export interface PushSubscriptionInput {
  endpoint: string
  p256dh: string
  auth: string
  userAgent?: string | null
}

/**
 * Registers this device's push subscription for the resident. An
 * endpoint belongs to one browser: subscribing it again (another account
 * on the same browser) moves it to the new resident. Only browser push
 * services are accepted as endpoints; beyond 10 devices the oldest goes.
 */
export default class SubscribePush {
  async execute(userId: number, input: PushSubscriptionInput): Promise<number> {
    if (!isPushServiceEndpoint(input.endpoint)) throw new PushEndpointRefusedError()
    const now = new Date()
    return db.transaction(async (trx) => {
      const [row] = await trx
        .knexQuery()
        .table('alert_push_subscriptions')
        .insert({
          user_id: userId,
          endpoint: input.endpoint,
          p256dh: input.p256dh,
          auth: input.auth,
          user_agent: input.userAgent?.slice(0, 200) ?? null,
          created_at: now,
          updated_at: now,
        })
        .onConflict('endpoint')
        .merge(['user_id', 'p256dh', 'auth', 'user_agent', 'updated_at'])
        .returning('id')
      const keep = await trx
        .from('alert_push_subscriptions')
        .where('user_id', userId)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(alertSettings.push.maxDevices)
        .select('id')
      await trx
        .from('alert_push_subscriptions')
        .where('user_id', userId)
        .whereNotIn(
          'id',
          keep.map((device) => device.id)
        )
        .delete()
      return Number(row.id)
    })
  }
}
