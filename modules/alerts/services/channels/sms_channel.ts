import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import db from '@adonisjs/lucid/services/db'
import { SmsDeliveryError, type SmsSender } from '#app/sms/index'
import { accounts } from '#modules/accounts/index'
import { smsBody } from '#modules/alerts/services/messages'
import {
  errorText,
  perAlertAndLocale,
  type ChannelSender,
  type ClaimedDelivery,
  type Outcome,
} from '#modules/alerts/services/channels/outcome'

/** Where Twilio posts this site's delivery receipts (validated against APP_URL). */
export function smsReceiptsUrl(): string {
  return new URL(urlFor('alerts.receipts.twilio'), appUrl).href
}

/**
 * SMS to the verified numbers of a job's deliveries. Accepted by the
 * provider: sent (its message id kept for the delivery receipt). 429 and
 * 5xx or unreachable: tried again later (Retry-After honoured); a 4xx
 * refusal is final. Numbers and languages are read once for the job.
 */
export async function smsChannel(
  sender: SmsSender,
  deliveries: ClaimedDelivery[]
): Promise<ChannelSender> {
  if (!sender.enabled) return { send: async () => ({ kind: 'skipped', reason: 'sms_disabled' }) }
  const userIds = deliveries.map((delivery) => delivery.userId)
  const [phones, residents] = await Promise.all([
    db
      .from('alert_phones')
      .whereIn('user_id', userIds)
      .whereNotNull('verified_at')
      .select('user_id', 'phone'),
    accounts.findResidents(userIds),
  ])
  const numbers = new Map(phones.map((row) => [Number(row.user_id), String(row.phone)]))
  const body = perAlertAndLocale(smsBody)
  const statusCallback = smsReceiptsUrl()

  return {
    async send({ delivery, alert, neighbourhood }): Promise<Outcome> {
      const phone = numbers.get(delivery.userId)
      if (!phone) return { kind: 'skipped', reason: 'phone_unverified' }
      const resident = residents.get(delivery.userId)
      if (!resident) return { kind: 'skipped', reason: 'no_account' }
      try {
        const receipt = await sender.send({
          to: phone,
          body: body(alert, neighbourhood, resident.locale),
          statusCallback,
        })
        return { kind: 'sent', providerMessageId: receipt.id }
      } catch (error) {
        if (error instanceof SmsDeliveryError && error.transient) {
          return { kind: 'retry', error: errorText(error), retryAfterMs: error.retryAfterMs }
        }
        return { kind: 'failed', reason: 'rejected', error: errorText(error) }
      }
    },
  }
}
