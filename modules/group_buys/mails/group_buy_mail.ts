import { KeyedNotificationMail } from '#app/mail/keyed_notification_mail'

/**
 * The group buys module's mails, in the recipient's language, from one
 * translation prefix (e.g. "group_buys.mail.closed"); `values` fill their
 * placeholders (amounts already written in the recipient's language).
 * Never an address: the campaign's title, quantities, prices and the place
 * as the organiser wrote it.
 */
export class GroupBuyMail extends KeyedNotificationMail {}
