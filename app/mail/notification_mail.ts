import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'

export interface NotificationContent {
  subject: string
  greeting: string
  intro: string
  action?: { label: string; url: string } | null
  outro: string
}

/**
 * A mail rendered with the shared notification template, in the
 * recipient's language. Subclasses only write the translated texts; the
 * queued job then renders plain strings (no i18n needed in the worker).
 */
export abstract class NotificationMail extends BaseMail {
  /** One-click unsubscribe (RFC 8058), from the notifications module's unsubscribeUrl(). */
  protected unsubscribeUrl: string | null = null

  constructor(
    protected recipient: string,
    protected locale: string
  ) {
    super()
  }

  protected abstract content(i18n: I18n): NotificationContent

  /**
   * Every mail a resident can stop carries the `List-Unsubscribe` headers
   * and a visible link. Account mails (password reset, address
   * confirmation) are transactional and never call this.
   */
  withUnsubscribe(url: string): this {
    this.unsubscribeUrl = url
    return this
  }

  prepare() {
    const i18n = i18nManager.locale(this.locale)
    const content = this.content(i18n)
    const data = {
      lang: i18n.locale,
      signature: i18n.t('mails.signature'),
      ...content,
      action: content.action ?? null,
      unsubscribe: this.unsubscribeUrl
        ? { url: this.unsubscribeUrl, label: i18n.t('notifications.mail.unsubscribe') }
        : null,
    }
    this.message.to(this.recipient).subject(data.subject)
    if (this.unsubscribeUrl) {
      this.message
        .header('List-Unsubscribe', `<${this.unsubscribeUrl}>`)
        .header('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
    }
    this.message.htmlView('emails/notification', data).textView('emails/notification_text', data)
  }
}
