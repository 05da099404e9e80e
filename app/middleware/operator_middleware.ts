import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AuthorizationResponse, errors } from '@adonisjs/bouncer'

/**
 * The back office: guests are sent to the login page (which brings them
 * back), signed-in accounts other than operators get the 403 page.
 */
export default class OperatorMiddleware {
  redirectTo = '/login'

  async handle(ctx: HttpContext, next: NextFn) {
    const user = await ctx.auth.authenticateUsing(undefined, { loginRoute: this.redirectTo })
    if ((user as { role?: string }).role !== 'operator') {
      throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny())
    }
    return next()
  }
}
