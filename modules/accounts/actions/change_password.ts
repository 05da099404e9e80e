import db from '@adonisjs/lucid/services/db'
import type User from '#modules/accounts/models/user'
import { WrongPasswordError } from '#modules/accounts/errors'

/**
 * Changes the password after checking the current one, and signs out every
 * other session and remembered device.
 */
export default class ChangePassword {
  async execute(user: User, input: { currentPassword: string; newPassword: string }) {
    if (!(await user.verifyPassword(input.currentPassword))) throw new WrongPasswordError()
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.password = input.newPassword
      user.sessionEpoch += 1
      await user.save()
      await trx.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    })
  }
}
