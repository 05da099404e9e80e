import { I18n } from '@adonisjs/i18n'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import { ensureRequestI18n } from '#app/i18n/locale'

/**
 * Gives every request its language (see localeFor) for pages, mails and
 * validation messages.
 */
export default class DetectUserLocaleMiddleware {
  static {
    /** Validation messages come from resources/lang/<locale>/validator.json. */
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const i18n = ensureRequestI18n(ctx)
    ctx.containerResolver.bindValue(I18n, i18n)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
