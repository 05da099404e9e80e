import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Gives every request `ctx.bouncer` for the signed-in resident. Policies
 * live beside their module (modules/<name>/policies) and are used by class:
 * `bouncer.with(ExchangePolicy).authorize('edit', exchange)`. A refusal
 * renders the translated 403 page (app/exceptions/handler.ts).
 */
export default class InitializeBouncerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.bouncer = new Bouncer(() => ctx.auth.user || null).setContainerResolver(
      ctx.containerResolver
    )
    if ('view' in ctx) ctx.view.share(ctx.bouncer.edgeHelpers)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    bouncer: Bouncer<Exclude<HttpContext['auth']['user'], undefined>>
  }
}
