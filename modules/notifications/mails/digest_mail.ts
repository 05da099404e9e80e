import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'

export interface DigestContent {
  frequency: 'daily' | 'weekly'
  name: string
  /** Titles as their authors wrote them (escaped by the template), absolute links. */
  items: { title: string; url: string }[]
  more: boolean
  feedUrl: string
  unsubscribeUrl: string
}

/**
 * The neighbourhood digest, in the resident's language: a list of new
 * items (title and link), with the one-click unsubscribe headers
 * (RFC 8058) and a visible link. Rendered to plain strings here, so the
 * queued job needs no i18n.
 */
export class DigestMail extends BaseMail {
  constructor(
    private recipient: string,
    private locale: string,
    private digest: DigestContent
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const t = (key: string, values: Record<string, unknown> = {}) =>
      i18n.t(`notifications.digest.${key}`, values)
    const data = {
      lang: i18n.locale,
      subject: t(`subject_${this.digest.frequency}`),
      greeting: t('greeting', { name: this.digest.name }),
      intro: t('intro', { count: this.digest.items.length }),
      items: this.digest.items,
      more: this.digest.more ? t('more') : null,
      feed: { label: t('open_feed'), url: this.digest.feedUrl },
      outro: t('outro'),
      unsubscribe: { label: t('unsubscribe'), url: this.digest.unsubscribeUrl },
      signature: i18n.t('mails.signature'),
    }
    this.message
      .to(this.recipient)
      .subject(data.subject)
      .header('List-Unsubscribe', `<${this.digest.unsubscribeUrl}>`)
      .header('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
      .htmlView('notifications::emails/digest', data)
      .textView('emails/notifications_digest_text', data)
  }
}
