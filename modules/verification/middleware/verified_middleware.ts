import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { authorizeTrust } from '#modules/verification/services/policy'
import type { Ability } from '#modules/verification/services/trust'

/**
 * Route guard for verified-only actions: `.use(middleware.verified({ ability: 'post' }))`
 * after `middleware.auth()`. Same rule as authorizeTrust() in actions.
 */
export default class VerifiedMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { ability?: Ability } = {}) {
    await authorizeTrust(Number(ctx.auth.getUserOrFail().id), options.ability ?? 'post')
    return next()
  }
}
