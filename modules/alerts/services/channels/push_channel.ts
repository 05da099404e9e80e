import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { accounts } from '#modules/accounts/index'
import { pushPayload } from '#modules/alerts/services/messages'
import { PushDeliveryError, type PushSender } from '#modules/alerts/services/push/push_sender'
import { alertSettings } from '#modules/alerts/services/settings'
import {
  errorText,
  perAlertAndLocale,
  type ChannelSender,
  type ClaimedDelivery,
  type Outcome,
} from '#modules/alerts/services/channels/outcome'

/**
 * Web push to the devices of a job's deliveries. 201 from the push
 * service: sent. 404/410: the browser dropped the subscription, which is
 * deleted. 429 and 5xx: tried again later (Retry-After honoured). Other
 * refusals are final. Devices and recipients' languages are read once for
 * the job; the devices that accepted are stamped once at its end.
 */
export async function pushChannel(
  sender: PushSender,
  deliveries: ClaimedDelivery[]
): Promise<ChannelSender> {
  if (!sender.enabled) return { send: async () => ({ kind: 'skipped', reason: 'push_disabled' }) }
  const [subscriptions, residents] = await Promise.all([
    db
      .from('alert_push_subscriptions')
      .whereIn(
        'id',
        deliveries.map((delivery) => delivery.target)
      )
      .select('id', 'user_id', 'endpoint', 'p256dh', 'auth'),
    accounts.findResidents(deliveries.map((delivery) => delivery.userId)),
  ])
  const devices = new Map(subscriptions.map((row) => [Number(row.id), row]))
  const payload = perAlertAndLocale(pushPayload)
  const accepted: number[] = []

  return {
    async send({ delivery, alert, neighbourhood }): Promise<Outcome> {
      const subscription = devices.get(delivery.target)
      if (!subscription || Number(subscription.user_id) !== delivery.userId) {
        return { kind: 'skipped', reason: 'unsubscribed' }
      }
      const resident = residents.get(delivery.userId)
      if (!resident) return { kind: 'skipped', reason: 'no_account' }
      try {
        await sender.send(
          {
            endpoint: subscription.endpoint,
            keys: { p256dh: subscription.p256dh, auth: subscription.auth },
          },
          payload(alert, neighbourhood, resident.locale),
          {
            ttlSeconds: alertSettings.push.ttlSeconds,
            urgency: alert.severity === 'info' ? 'normal' : 'high',
            topic: `alert-${alert.id}`,
          }
        )
      } catch (error) {
        if (!(error instanceof PushDeliveryError)) {
          return { kind: 'failed', reason: 'rejected', error: errorText(error) }
        }
        if (error.gone) {
          await db.from('alert_push_subscriptions').where('id', subscription.id).delete()
          devices.delete(delivery.target)
          logger.info({ userId: delivery.userId }, 'push subscription gone: deleted')
          return { kind: 'failed', reason: 'subscription_gone', error: errorText(error) }
        }
        if (error.transient) {
          return { kind: 'retry', error: errorText(error), retryAfterMs: error.retryAfterMs }
        }
        return { kind: 'failed', reason: 'rejected', error: errorText(error) }
      }
      accepted.push(Number(subscription.id))
      return { kind: 'sent' }
    },

    async finish() {
      if (accepted.length === 0) return
      await db
        .from('alert_push_subscriptions')
        .whereIn('id', accepted)
        .update({ last_success_at: new Date() })
    },
  }
}
