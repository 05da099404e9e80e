/**
 * Public API of the notifications module (other modules import only this).
 * Modules tell a resident something with notify(): it is kept in the
 * resident's notification centre and, if their preferences allow, mailed
 * with a one-click unsubscribe. Types are declared once from a provider.
 * A module that sends its own mail adds the unsubscribe headers with
 * `mail.withUnsubscribe(unsubscribeUrl(userId, { type }))` (NotificationMail).
 * Mails to people without an account (invitations) use
 * `addressUnsubscribeUrl(address)`, and check `isAddressOptedOut(address)`
 * before sending.
 */
export {
  notify,
  registerNotificationType,
  type NotificationInput,
  type NotificationType,
} from '#modules/notifications/services/notify'
export {
  addressUnsubscribeUrl,
  unsubscribeUrl,
  type UnsubscribeTarget,
} from '#app/mail/unsubscribe_tokens'
export { isAddressOptedOut } from '#app/mail/address_opt_outs'
export { emailWanted } from '#modules/notifications/services/preferences'
