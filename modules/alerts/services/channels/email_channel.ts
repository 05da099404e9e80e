import { appUrl } from '#config/app'
import { accounts } from '#modules/accounts/index'
import { unsubscribeUrl } from '#modules/notifications/index'
import { AlertMail } from '#modules/alerts/mails/alert_mail'
import { ALERT_EMAIL_TYPE } from '#modules/alerts/services/email_unsubscribe'
import { alertMailer } from '#modules/alerts/services/channels/alert_mailer'
import { alertUrl, preferencesUrl } from '#modules/alerts/services/messages'
import {
  errorText,
  type ChannelSender,
  type ClaimedDelivery,
  type Outcome,
} from '#modules/alerts/services/channels/outcome'

/**
 * E-mails, sent now (not through the mail queue) so that the SMTP
 * server's answer is each delivery's: accepted means sent; a 5xx refusal
 * is final; a 4xx or an unreachable server is tried again later. Only
 * confirmed addresses receive alerts. Addresses are read once for the job.
 */
export async function emailChannel(deliveries: ClaimedDelivery[]): Promise<ChannelSender> {
  const recipients = await accounts.mailRecipientsOf(deliveries.map((delivery) => delivery.userId))
  const mailer = alertMailer()
  const domain = new URL(appUrl).hostname
  const preferences = preferencesUrl()

  return {
    async send({ delivery, alert, neighbourhood }): Promise<Outcome> {
      const recipient = recipients.get(delivery.userId)
      if (!recipient) return { kind: 'skipped', reason: 'no_account' }
      if (!recipient.emailVerified) return { kind: 'skipped', reason: 'email_unconfirmed' }
      try {
        await mailer.send(
          new AlertMail(recipient.email, recipient.locale, {
            deliveryId: delivery.id,
            alert,
            name: recipient.displayName,
            neighbourhood,
            url: alertUrl(alert.id),
            preferencesUrl: preferences,
            domain,
          }).withUnsubscribe(unsubscribeUrl(delivery.userId, { type: ALERT_EMAIL_TYPE }))
        )
        return { kind: 'sent' }
      } catch (error) {
        const code = Number((error as { responseCode?: number }).responseCode)
        if (code >= 500 && code < 600) {
          return { kind: 'failed', reason: 'rejected', error: errorText(error) }
        }
        return { kind: 'retry', error: errorText(error) }
      }
    },
  }
}
