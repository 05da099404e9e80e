import mail from '@adonisjs/mail/services/main'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import { addressUnsubscribeUrl } from '#app/mail/unsubscribe_tokens'
import accountsConfig from '#config/accounts'
import User from '#modules/accounts/models/user'
import { AccountMail } from '#modules/accounts/mails/account_mail'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { passwordResetUrl } from '#modules/accounts/services/links'

/**
 * Mails a reset link when the address has an account. The caller answers
 * the same either way, so the form does not reveal who has an account.
 */
export default class RequestPasswordReset {
  async execute(email: string): Promise<void> {
    const user = await User.findBy('email', email)
    if (!user) return
    /** The address asked Quartier never to write to it (a link in every account mail). */
    if (await isAddressOptedOut(user.email)) return

    const minutes = accountsConfig.resetTtlMinutes
    const secret = await AccountTokens.issue(user, 'password_reset', user.email, { minutes })
    await mail.sendLater(
      new AccountMail(user.email, user.locale, 'reset_password', {
        name: user.displayName,
        minutes,
        url: passwordResetUrl(secret),
      }).withUnsubscribe(addressUnsubscribeUrl(user.email))
    )
  }
}
