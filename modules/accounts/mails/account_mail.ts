import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'

export type AccountMailKind =
  'confirm_email' | 'reset_password' | 'email_change' | 'email_change_notice'

/**
 * The accounts module's mails, written in the resident's language. Texts
 * are translated here, so the queued job only renders plain strings with
 * the shared notification template.
 */
export class AccountMail extends BaseMail {
  constructor(
    private recipient: string,
    private locale: string,
    private kind: AccountMailKind,
    private params: {
      name: string
      url?: string
      hours?: number
      minutes?: number
      newEmail?: string
    }
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const t = (key: string) => i18n.t(`mails.${this.kind}.${key}`, this.params)
    const data = {
      lang: i18n.locale,
      subject: t('subject'),
      greeting: i18n.t('mails.greeting', this.params),
      intro: t('intro'),
      action: this.params.url ? { label: t('action'), url: this.params.url } : null,
      outro: t('outro'),
      signature: i18n.t('mails.signature'),
    }
    this.message.to(this.recipient).subject(data.subject)
    this.message.htmlView('emails/notification', data).textView('emails/notification_text', data)
  }
}
