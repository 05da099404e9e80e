import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Developer tools (the mail viewer) answer 404 in production.
 */
export default class DevOnlyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (app.inProduction) return ctx.response.notFound()
    return next()
  }
}
