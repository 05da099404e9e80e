import type { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import { NotificationMail } from '#app/mail/notification_mail'
import type { InvitationAudience } from '#modules/neighbourhoods/models/invitation'

/**
 * An invitation to join a neighbourhood, in the inviter's language (they
 * know the person they invite). It never carries the inviter's address or
 * e-mail. The person has no account: its unsubscribe link (set by the
 * sender) stops every invitation to their address, and says so.
 */
export class InvitationMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
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
    super(recipient, locale)
  }

  prepare() {
    super.prepare()
    if (!this.unsubscribeUrl) return
    const label = i18nManager.locale(this.locale).t('invitations.mail.unsubscribe')
    /** The shared template names "these e-mails"; here it is every invitation. */
    for (const view of [this.message.contentViews.html, this.message.contentViews.text]) {
      if (view?.data) view.data = { ...view.data, unsubscribe: { url: this.unsubscribeUrl, label } }
    }
  }

  protected content(i18n: I18n) {
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
    return {
      subject: t('subject'),
      greeting: t(`greeting.${audience}`),
      intro: intro.join(' '),
      action: { label: t('action'), url: this.params.url },
      outro: t('outro'),
    }
  }
}
