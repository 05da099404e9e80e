import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'

/**
 * A notification mail written from one translation prefix: `keys` holds
 * subject, intro, action and outro (e.g. "exchanges.mail.expiring");
 * `values` fill their placeholders; the button leads to `url`. Modules
 * name their own subclass to say what their mails may carry.
 */
export class KeyedNotificationMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
    private keys: string,
    private values: Record<string, string | number>,
    private url: string
  ) {
    super(recipient, locale)
  }

  protected content(i18n: I18n) {
    const t = (key: string) => i18n.t(`${this.keys}.${key}`, this.values)
    return {
      subject: t('subject'),
      greeting: i18n.t('mails.greeting', this.values),
      intro: t('intro'),
      action: { label: t('action'), url: this.url },
      outro: t('outro'),
    }
  }
}
