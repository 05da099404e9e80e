import db from '@adonisjs/lucid/services/db'
import type User from '#modules/accounts/models/user'

/**
 * Ends every session of the account but the caller's: sessions carry the
 * epoch they were opened in (SessionEpochMiddleware), remembered devices
 * lose their tokens. The caller's session is renewed by the controller.
 */
export default class SignOutOtherSessions {
  async execute(user: User) {
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.sessionEpoch += 1
      await user.save()
      await trx.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    })
  }
}
