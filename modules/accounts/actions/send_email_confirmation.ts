import mail from '@adonisjs/mail/services/main'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import { addressUnsubscribeUrl } from '#app/mail/unsubscribe_tokens'
import accountsConfig from '#config/accounts'
import type User from '#modules/accounts/models/user'
import { AccountMail } from '#modules/accounts/mails/account_mail'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { emailConfirmationUrl } from '#modules/accounts/services/links'

/**
 * Mails a fresh confirmation link (the previous one stops working),
 * unless the address asked Quartier never to write to it (the link in
 * every account mail: whoever typed it at sign-up may not own it).
 */
export default class SendEmailConfirmation {
  async execute(user: User) {
    const hours = accountsConfig.confirmationTtlHours
    const secret = await AccountTokens.issue(user, 'email_confirmation', user.email, { hours })
    if (await isAddressOptedOut(user.email)) return
    await mail.sendLater(
      new AccountMail(user.email, user.locale, 'confirm_email', {
        name: user.displayName,
        hours,
        url: emailConfirmationUrl(secret),
      }).withUnsubscribe(addressUnsubscribeUrl(user.email))
    )
  }
}
