import mail from '@adonisjs/mail/services/main'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import type User from '#modules/accounts/models/user'
import { AccountMail } from '#modules/accounts/mails/account_mail'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { mailOptInUrl } from '#modules/accounts/services/links'

export class AddressNotOptedOutError extends Error {}

const HOURS = 24

/**
 * A signed-in resident whose address asked Quartier never to write to it
 * (the link in every account mail) wants mail again: one mail with a link
 * that lifts the opt-out, on their explicit request only (rate-limited).
 * Sent now rather than queued: the queue holds back every mail to an
 * opted-out address, and this one the owner asked for.
 */
export default class RequestMailOptIn {
  async execute(user: User): Promise<void> {
    if (!(await isAddressOptedOut(user.email))) throw new AddressNotOptedOutError()
    const secret = await AccountTokens.issue(user, 'mail_opt_in', user.email, { hours: HOURS })
    await mail.send(
      new AccountMail(user.email, user.locale, 'mail_opt_in', {
        name: user.displayName,
        hours: HOURS,
        url: mailOptInUrl(secret),
      })
    )
  }
}
