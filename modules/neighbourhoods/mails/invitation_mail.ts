import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type { InvitationAudience } from '#modules/neighbourhoods/models/invitation'

/**
 * An invitation to join a neighbourhood, in the inviter's language (they
 * know the person they invite). Translated here, so the queued job only
 * renders plain strings with the shared notification template. It never
 * carries the inviter's address or e-mail.
 */
export class InvitationMail extends BaseMail {
  constructor(
    private recipient: string,
    private locale: string,
    private params: {
      audience: InvitationAudience
      inviterName: string
      neighbourhoodName: string
      townName: string
      url: string
      code: string
      expiresAt: Date
      message: string | null
    }
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const values = {
      inviter: this.params.inviterName,
      neighbourhood: this.params.neighbourhoodName,
      town: this.params.townName,
      code: this.params.code,
      expires: i18n.formatDate(this.params.expiresAt, { dateStyle: 'long' }),
    }
    const t = (key: string) => i18n.t(`invitations.mail.${key}`, values)
    const audience = this.params.audience
    const intro = [t(`intro.${audience}`)]
    if (this.params.message) {
      intro.push(i18n.t('invitations.mail.message', { ...values, message: this.params.message }))
    }
    const data = {
      lang: i18n.locale,
      subject: t('subject'),
      greeting: t(`greeting.${audience}`),
      intro: intro.join(' '),
      action: { label: t('action'), url: this.params.url },
      outro: t('outro'),
      signature: i18n.t('mails.signature'),
    }
    this.message.to(this.recipient).subject(data.subject)
    this.message.htmlView('emails/notification', data).textView('emails/notification_text', data)
  }
}
