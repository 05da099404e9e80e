import db from '@adonisjs/lucid/services/db'
import { liftAddressOptOut } from '#app/mail/address_opt_outs'
import SendEmailConfirmation from '#modules/accounts/actions/send_email_confirmation'
import { InvalidLinkError } from '#modules/accounts/errors'
import User from '#modules/accounts/models/user'
import { AccountTokens } from '#modules/accounts/services/account_tokens'

/**
 * The link from the opt-in mail, used once: Quartier may write to the
 * address again. If the account still waits for its confirmation link
 * (held back until now), it leaves after the commit.
 */
export default class AcceptMailOptIn {
  async execute(secret: string): Promise<void> {
    const user = await db.transaction(async (trx) => {
      const token = await AccountTokens.findUsable(secret, ['mail_opt_in'], trx)
      if (!token) throw new InvalidLinkError()
      await AccountTokens.consume(token, trx)
      await liftAddressOptOut(trx, token.email)
      const owner = await User.find(token.userId, { client: trx })
      return owner && owner.email === token.email ? owner : null
    })
    if (user && !user.isEmailVerified) await new SendEmailConfirmation().execute(user)
  }
}
