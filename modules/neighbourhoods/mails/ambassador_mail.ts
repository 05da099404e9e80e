import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'

export type AmbassadorMailKind =
  'application_approved' | 'application_rejected' | 'kit_shipped' | 'kit_cancelled'

/**
 * The super voisin programme's mails to a resident, in their language.
 * No delivery address in them.
 */
export class AmbassadorMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
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
    super(recipient, locale)
  }

  protected content(i18n: I18n) {
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
    return {
      subject: t('subject'),
      greeting: i18n.t('mails.greeting', values),
      intro: intro.join(' '),
      action: { label: t('action'), url: this.params.url },
      outro: t('outro'),
    }
  }
}
