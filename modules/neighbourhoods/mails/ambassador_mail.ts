import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'

export type AmbassadorMailKind =
  'application_approved' | 'application_rejected' | 'kit_shipped' | 'kit_cancelled'

/**
 * The super voisin programme's mails to a resident, in their language.
 * Texts are translated here, so the queued job only renders plain strings
 * with the shared notification template. No delivery address in them.
 */
export class AmbassadorMail extends BaseMail {
  constructor(
    private recipient: string,
    private locale: string,
    private kind: AmbassadorMailKind,
    private params: {
      name: string
      neighbourhood: string
      url: string
      note?: string | null
      reapplyOn?: Date
      orderNumber?: number
    }
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const values = {
      name: this.params.name,
      neighbourhood: this.params.neighbourhood,
      number: this.params.orderNumber ?? '',
      date: this.params.reapplyOn
        ? i18n.formatDate(this.params.reapplyOn, { dateStyle: 'long' })
        : '',
      note: this.params.note ?? '',
    }
    const t = (key: string) => i18n.t(`ambassadors.mail.${this.kind}.${key}`, values)
    const intro = [t('intro')]
    if (this.params.note) intro.push(i18n.t('ambassadors.mail.note', values))
    const data = {
      lang: i18n.locale,
      subject: t('subject'),
      greeting: i18n.t('mails.greeting', values),
      intro: intro.join(' '),
      action: { label: t('action'), url: this.params.url },
      outro: t('outro'),
      signature: i18n.t('mails.signature'),
    }
    this.message.to(this.recipient).subject(data.subject)
    this.message.htmlView('emails/notification', data).textView('emails/notification_text', data)
  }
}
