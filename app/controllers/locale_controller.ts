import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { SUPPORTED_LOCALES, rememberLocale } from '#app/i18n/locale'
import { accounts } from '#modules/accounts/index'

const localeValidator = vine.create({
  locale: vine.enum(SUPPORTED_LOCALES),
})

/**
 * The language switcher (a small form in every page header).
 */
export default class LocaleController {
  async update(ctx: HttpContext) {
    const { locale } = await ctx.request.validateUsing(localeValidator)
    rememberLocale(ctx, locale)
    if (ctx.auth.user) await accounts.setLocale(ctx.auth.user.id, locale)
    return ctx.response.redirect().back()
  }
}
