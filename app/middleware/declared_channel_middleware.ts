import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isDeclaredChannel } from '#app/realtime/channels'

/**
 * Default-deny for live updates: subscribing to a channel that no module
 * declared (authorizeChannel) answers 403.
 */
export default class DeclaredChannelMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!isDeclaredChannel(ctx.request.input('channel'))) {
      return ctx.response.forbidden({ message: ctx.i18n.t('errors.forbidden') })
    }
    return next()
  }
}
