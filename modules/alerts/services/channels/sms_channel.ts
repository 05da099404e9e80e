import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import db from '@adonisjs/lucid/services/db'
import { SmsDeliveryError, type SmsSender } from '#app/sms/index'
import { accounts } from '#modules/accounts/index'
import { smsBody } from '#modules/alerts/services/messages'
import {
  errorText,
  type Outcome,
  type SendContext,
} from '#modules/alerts/services/channels/outcome'

/** Where Twilio posts this site's delivery receipts (validated against APP_URL). */
export function smsReceiptsUrl(): string {
  return new URL(urlFor('alerts.receipts.twilio'), appUrl).href
}

/**
 * One SMS to a verified number. Accepted by the provider: sent (its
 * message id kept for the delivery receipt). 429 and 5xx or unreachable:
 * tried again later (Retry-After honoured); a 4xx refusal is final.
 */
export async function sendSms(sender: SmsSender, context: SendContext): Promise<Outcome> {
  const { delivery, alert, neighbourhood } = context
  if (!sender.enabled) return { kind: 'skipped', reason: 'sms_disabled' }
  const phone = await db
    .from('alert_phones')
    .where('user_id', delivery.userId)
    .whereNotNull('verified_at')
    .first()
  if (!phone) return { kind: 'skipped', reason: 'phone_unverified' }
  const resident = await accounts.findResident(delivery.userId)
  if (!resident) return { kind: 'skipped', reason: 'no_account' }
  try {
    const receipt = await sender.send({
      to: phone.phone,
      body: smsBody(alert, neighbourhood, resident.locale),
      statusCallback: smsReceiptsUrl(),
    })
    return { kind: 'sent', providerMessageId: receipt.id }
  } catch (error) {
    if (error instanceof SmsDeliveryError && error.transient) {
      return { kind: 'retry', error: errorText(error), retryAfterMs: error.retryAfterMs }
    }
    return { kind: 'failed', reason: 'rejected', error: errorText(error) }
  }
}
