import { KeyedNotificationMail } from '#app/mail/keyed_notification_mail'

/**
 * The events module's mails, in the recipient's language, from one
 * translation prefix (e.g. "events.mail.cancelled"); `values` fill their
 * placeholders. Never an address: the event's title, when, and the place
 * as the organiser wrote it.
 */
export class EventMail extends KeyedNotificationMail {}
