import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { accounts } from '#modules/accounts/index'
import { pushPayload } from '#modules/alerts/services/messages'
import { PushDeliveryError, type PushSender } from '#modules/alerts/services/push/push_sender'
import { alertSettings } from '#modules/alerts/services/settings'
import {
  errorText,
  type Outcome,
  type SendContext,
} from '#modules/alerts/services/channels/outcome'

/**
 * One web push to one device. 201 from the push service: sent. 404/410:
 * the browser dropped the subscription, which is deleted. 429 and 5xx:
 * tried again later (Retry-After honoured). Other refusals are final.
 */
export async function sendPush(sender: PushSender, context: SendContext): Promise<Outcome> {
  const { delivery, alert, neighbourhood } = context
  if (!sender.enabled) return { kind: 'skipped', reason: 'push_disabled' }
  const subscription = await db
    .from('alert_push_subscriptions')
    .where({ id: delivery.target, user_id: delivery.userId })
    .first()
  if (!subscription) return { kind: 'skipped', reason: 'unsubscribed' }
  const resident = await accounts.findResident(delivery.userId)
  if (!resident) return { kind: 'skipped', reason: 'no_account' }

  try {
    await sender.send(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      pushPayload(alert, neighbourhood, resident.locale),
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
      logger.info({ userId: delivery.userId }, 'push subscription gone: deleted')
      return { kind: 'failed', reason: 'subscription_gone', error: errorText(error) }
    }
    if (error.transient) {
      return { kind: 'retry', error: errorText(error), retryAfterMs: error.retryAfterMs }
    }
    return { kind: 'failed', reason: 'rejected', error: errorText(error) }
  }
  await db
    .from('alert_push_subscriptions')
    .where('id', subscription.id)
    .update({ last_success_at: new Date() })
  return { kind: 'sent' }
}
