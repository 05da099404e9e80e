import mail from '@adonisjs/mail/services/main'
import accountsConfig from '#config/accounts'
import type User from '#modules/accounts/models/user'
import { AccountMail } from '#modules/accounts/mails/account_mail'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { emailConfirmationUrl } from '#modules/accounts/services/links'

/**
 * Mails a fresh confirmation link (the previous one stops working).
 */
export default class SendEmailConfirmation {
  async execute(user: User) {
    const hours = accountsConfig.confirmationTtlHours
    const secret = await AccountTokens.issue(user, 'email_confirmation', user.email, { hours })
    await mail.sendLater(
      new AccountMail(user.email, user.locale, 'confirm_email', {
        name: user.displayName,
        hours,
        url: emailConfirmationUrl(secret),
      })
    )
  }
}
