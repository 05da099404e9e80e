import { KeyedNotificationMail } from '#app/mail/keyed_notification_mail'

/**
 * The verification module's mails, in the recipient's language, from one
 * translation prefix (e.g. "postcards.mail.posted"); `values` fill their
 * placeholders. No code and no address ever goes into a mail.
 */
export class VerificationMail extends KeyedNotificationMail {}
