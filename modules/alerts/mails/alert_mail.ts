import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'
import type { AlertRecord } from '#modules/alerts/queries/alert_record'
import { alertTitle } from '#modules/alerts/services/messages'

/**
 * An alert by e-mail, in the recipient's language: title and
 * neighbourhood in the subject, the author's text, a link to the alert,
 * and how to change channels and quiet hours. The Message-ID is derived
 * from the delivery, so a mail sent again after a crash is recognisably
 * the same one.
 */
export class AlertMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
    private input: {
      deliveryId: number
      alert: AlertRecord
      name: string
      neighbourhood: string
      url: string
      preferencesUrl: string
      domain: string
    }
  ) {
    super(recipient, locale)
  }

  prepare() {
    super.prepare()
    const { deliveryId, alert, domain, preferencesUrl } = this.input
    this.message.messageId(`<alert-${alert.id}-delivery-${deliveryId}@${domain}>`)
    /** One-click unsubscribe (set by the e-mail channel) or, failing that, the preferences page. */
    if (!this.unsubscribeUrl) {
      this.message.listUnsubscribe({ url: preferencesUrl, comment: 'preferences' })
    }
    if (alert.severity !== 'info') this.message.priority('high')
  }

  protected content(i18n: I18n) {
    const { alert, name, neighbourhood, url, preferencesUrl } = this.input
    const values = { name, neighbourhood, url: preferencesUrl }
    const details = [
      alert.behaviour ? i18n.t('alerts.mail.behaviour', { text: alert.behaviour }) : null,
      alert.direction ? i18n.t('alerts.mail.direction', { text: alert.direction }) : null,
      alert.vehicleKind
        ? i18n.t('alerts.mail.vehicle', {
            kind: i18n.t(`alerts.vehicles.${alert.vehicleKind}`),
            details: alert.vehicleDetails ?? '',
          })
        : null,
    ].filter(Boolean)
    return {
      subject: i18n.t('alerts.mail.subject', {
        title: alertTitle(alert, i18n.locale),
        neighbourhood,
      }),
      greeting: i18n.t('mails.greeting', values),
      intro: [i18n.t('alerts.mail.intro', { neighbourhood, text: alert.text }), ...details].join(
        '\n'
      ),
      action: { label: i18n.t('alerts.mail.action'), url },
      outro: i18n.t('alerts.mail.outro', values),
    }
  }
}
