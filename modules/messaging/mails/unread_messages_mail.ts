import type { I18n } from '@adonisjs/i18n'
import { NotificationMail } from '#app/mail/notification_mail'

/**
 * "Camille M. wrote to you": a message has stayed unread. The mail names
 * the sender (as the thread shows them) and the subject, and links to
 * the thread; it never carries the message text. Messages between
 * neighbours are private (a phone number, when the flat is empty, a
 * door code): once in a mailbox, a text is out of our hands (forwarded,
 * scanned by the provider, shown on a lock screen, kept after a block)
 * and reading it on the site is one click away.
 */
export class UnreadMessagesMail extends NotificationMail {
  constructor(
    recipient: string,
    locale: string,
    private values: { name: string; sender: string; count: number; subject: string | null },
    private url: string
  ) {
    super(recipient, locale)
  }

  protected content(i18n: I18n) {
    const values = { ...this.values, subject: this.values.subject ?? '' }
    return {
      subject: i18n.t('messaging.mail.subject', values),
      greeting: i18n.t('mails.greeting', values),
      intro: this.values.subject
        ? i18n.t('messaging.mail.intro_about', values)
        : i18n.t('messaging.mail.intro', values),
      action: { label: i18n.t('messaging.mail.action'), url: this.url },
      outro: i18n.t('messaging.mail.outro'),
    }
  }
}
