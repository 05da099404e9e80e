import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'

/**
 * Absolute links for mails (they are opened outside the site).
 */
export function emailConfirmationUrl(token: string) {
  return new URL(urlFor('accounts.email_confirmation.show', { token }), appUrl).href
}

export function mailOptInUrl(token: string) {
  return new URL(urlFor('accounts.mail_opt_in.link', { token }), appUrl).href
}

export function passwordResetUrl(token: string) {
  return new URL(urlFor('accounts.password_reset.show', { token }), appUrl).href
}
