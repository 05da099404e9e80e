import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#modules/accounts/models/user'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { InvalidLinkError } from '#modules/accounts/errors'

/**
 * Sets a new password from a reset link. Every existing session and
 * remembered device is signed out: whoever knew the old password is out.
 * Following the link proves the address, so it also counts as confirmed.
 */
export default class ResetPassword {
  async execute(secret: string, newPassword: string): Promise<User> {
    return db.transaction(async (trx) => {
      const token = await AccountTokens.findUsable(secret, ['password_reset'], trx)
      if (!token) throw new InvalidLinkError()

      const user = await User.findOrFail(token.userId, { client: trx })
      user.password = newPassword
      user.sessionEpoch += 1
      if (!user.emailVerifiedAt && token.email === user.email) user.emailVerifiedAt = DateTime.now()
      await user.useTransaction(trx).save()
      await trx.from('remember_me_tokens').where('tokenable_id', user.id).delete()
      await AccountTokens.consume(token, trx)
      return user
    })
  }
}
