import mail from '@adonisjs/mail/services/main'
import { appUrl } from '#config/app'
import { accounts } from '#modules/accounts/index'
import { AlertMail } from '#modules/alerts/mails/alert_mail'
import { alertUrl, preferencesUrl } from '#modules/alerts/services/messages'
import {
  errorText,
  type Outcome,
  type SendContext,
} from '#modules/alerts/services/channels/outcome'

/**
 * One e-mail, sent now (not through the mail queue) so that the SMTP
 * server's answer is this delivery's: accepted means sent; a 5xx refusal
 * is final; a 4xx or an unreachable server is tried again later. Only
 * confirmed addresses receive alerts.
 */
export async function sendEmail(context: SendContext): Promise<Outcome> {
  const { delivery, alert, neighbourhood } = context
  const resident = await accounts.findResident(delivery.userId)
  const recipient = await accounts.mailRecipientOf(delivery.userId)
  if (!resident || !recipient) return { kind: 'skipped', reason: 'no_account' }
  if (!resident.emailVerified) return { kind: 'skipped', reason: 'email_unconfirmed' }
  try {
    await mail.send(
      new AlertMail(recipient.email, recipient.locale, {
        deliveryId: delivery.id,
        alert,
        name: recipient.displayName,
        neighbourhood,
        url: alertUrl(alert.id),
        preferencesUrl: preferencesUrl(),
        domain: new URL(appUrl).hostname,
      })
    )
    return { kind: 'sent' }
  } catch (error) {
    const code = Number((error as { responseCode?: number }).responseCode)
    if (code >= 500 && code < 600) {
      return { kind: 'failed', reason: 'rejected', error: errorText(error) }
    }
    return { kind: 'retry', error: errorText(error) }
  }
}
