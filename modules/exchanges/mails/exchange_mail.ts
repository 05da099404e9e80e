import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'

/**
 * The exchanges module's mails, in the recipient's language. `keys` is
 * the translation prefix holding subject, intro, action and outro (e.g.
 * "exchanges.mail.expiring"); `values` fill their placeholders. Never an
 * address in a mail: titles, first names and dates only.
 */
export class ExchangeMail extends NotificationMail {
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
