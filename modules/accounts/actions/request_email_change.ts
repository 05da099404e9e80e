import mail from '@adonisjs/mail/services/main'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import { addressUnsubscribeUrl } from '#app/mail/unsubscribe_tokens'
import accountsConfig from '#config/accounts'
import User from '#modules/accounts/models/user'
import { AccountMail } from '#modules/accounts/mails/account_mail'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { emailConfirmationUrl } from '#modules/accounts/services/links'
import { EmailTakenError, WrongPasswordError } from '#modules/accounts/errors'

/**
 * Starts an e-mail change: the account keeps its address until the link
 * mailed to the new one is followed (a typo cannot lock anyone out), and
 * the current address is told about the request.
 */
export default class RequestEmailChange {
  async execute(user: User, input: { currentPassword: string; newEmail: string }) {
    if (!(await user.verifyPassword(input.currentPassword))) throw new WrongPasswordError()
    if (await User.findBy('email', input.newEmail)) throw new EmailTakenError()

    const hours = accountsConfig.confirmationTtlHours
    const secret = await AccountTokens.issue(user, 'email_change', input.newEmail, { hours })
    /** Addresses that asked Quartier never to write to them get nothing (a link in every account mail). */
    if (!(await isAddressOptedOut(input.newEmail))) {
      await mail.sendLater(
        new AccountMail(input.newEmail, user.locale, 'email_change', {
          name: user.displayName,
          hours,
          newEmail: input.newEmail,
          url: emailConfirmationUrl(secret),
        }).withUnsubscribe(addressUnsubscribeUrl(input.newEmail))
      )
    }
    if (!(await isAddressOptedOut(user.email))) {
      await mail.sendLater(
        new AccountMail(user.email, user.locale, 'email_change_notice', {
          name: user.displayName,
          newEmail: input.newEmail,
        }).withUnsubscribe(addressUnsubscribeUrl(user.email))
      )
    }
  }
}
