import { KeyedNotificationMail } from '#app/mail/keyed_notification_mail'

/**
 * The exchanges module's mails, in the recipient's language, from one
 * translation prefix (e.g. "exchanges.mail.expiring"); `values` fill their
 * placeholders. Never an address in a mail: titles, first names and dates
 * only.
 */
export class ExchangeMail extends KeyedNotificationMail {}
