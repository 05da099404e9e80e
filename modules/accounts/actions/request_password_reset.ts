import mail from '@adonisjs/mail/services/main'
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

    const minutes = accountsConfig.resetTtlMinutes
    const secret = await AccountTokens.issue(user, 'password_reset', user.email, { minutes })
    await mail.sendLater(
      new AccountMail(user.email, user.locale, 'reset_password', {
        name: user.displayName,
        minutes,
        url: passwordResetUrl(secret),
      })
    )
  }
}
