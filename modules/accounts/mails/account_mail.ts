import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'

export type AccountMailKind =
  'confirm_email' | 'reset_password' | 'email_change' | 'email_change_notice' | 'mail_opt_in'

/** The accounts module's mails, written in the resident's language. */
export class AccountMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
    private kind: AccountMailKind,
    private params: {
      name: string
      url?: string
      hours?: number
      minutes?: number
      newEmail?: string
    }
  ) {
    super(recipient, locale)
  }

  protected content(i18n: I18n) {
    const t = (key: string) => i18n.t(`mails.${this.kind}.${key}`, this.params)
    return {
      subject: t('subject'),
      greeting: i18n.t('mails.greeting', this.params),
      intro: t('intro'),
      action: this.params.url ? { label: t('action'), url: this.params.url } : null,
      outro: t('outro'),
    }
  }
}
