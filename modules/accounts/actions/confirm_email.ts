import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#modules/accounts/models/user'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { EmailTakenError, InvalidLinkError, isUniqueViolation } from '#modules/accounts/errors'

/**
 * Consumes a link mailed to an address: confirms the sign-up address, or
 * switches the account to the new address of an e-mail change.
 */
export default class ConfirmEmail {
  async execute(secret: string): Promise<User> {
    try {
      return await db.transaction(async (trx) => {
        const token = await AccountTokens.findUsable(
          secret,
          ['email_confirmation', 'email_change'],
          trx
        )
        if (!token) throw new InvalidLinkError()

        const user = await User.findOrFail(token.userId, { client: trx })
        if (token.purpose === 'email_change') user.email = token.email
        else if (token.email !== user.email) throw new InvalidLinkError()

        user.emailVerifiedAt = DateTime.now()
        await user.useTransaction(trx).save()
        await AccountTokens.consume(token, trx)
        return user
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError()
      throw error
    }
  }
}
