import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { EPOCH_KEY } from '#modules/accounts/services/sessions'

/**
 * Ends sessions opened before the account's last "sign out other
 * sessions" or password change. Sessions keep their epoch in the
 * (encrypted) session; the account's current epoch is in users.
 */
export default class SessionEpochMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.user as { sessionEpoch?: number } | undefined
    if (user && ctx.session) {
      const epoch = ctx.session.get(EPOCH_KEY)
      if (epoch === undefined) {
        /** Signed in again from a remember-me token, which is still valid. */
        ctx.session.put(EPOCH_KEY, user.sessionEpoch ?? 0)
      } else if (epoch !== user.sessionEpoch) {
        await ctx.auth.use('web').logout()
        ctx.session.forget(EPOCH_KEY)
        ctx.session.flash('notice', 'signed_out_elsewhere')
        return ctx.response.redirect('/login')
      }
    }
    return next()
  }
}
