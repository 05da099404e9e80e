import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'

export const SUPPORTED_LOCALES = ['fr', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fr'
export const LOCALE_COOKIE = 'locale'

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/**
 * The language choice outlives the session (a plain cookie, one year), so
 * a guest keeps it across visits and error pages use it too.
 */
export function rememberLocale(ctx: HttpContext, locale: Locale) {
  ctx.response.plainCookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
}

/**
 * The page language: the signed-in resident's choice, else the language
 * cookie, else the browser's Accept-Language, else French.
 */
export function localeFor(ctx: HttpContext): Locale {
  const userLocale = (ctx.auth?.user as { locale?: string } | undefined)?.locale
  if (isSupportedLocale(userLocale)) return userLocale

  const cookie = ctx.request.plainCookie(LOCALE_COOKIE)
  if (isSupportedLocale(cookie)) return cookie

  const fromBrowser = i18nManager.getSupportedLocaleFor(ctx.request.languages())
  return isSupportedLocale(fromBrowser) ? fromBrowser : DEFAULT_LOCALE
}

/**
 * Gives the request its i18n instance (and shares it with the views) unless
 * it already has one: error pages can be rendered before the locale
 * middleware ran (a CSRF failure stops the request in Shield).
 */
export function ensureRequestI18n(ctx: HttpContext) {
  if (ctx.i18n) return ctx.i18n
  ctx.i18n = i18nManager.locale(localeFor(ctx))
  if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n, locale: ctx.i18n.locale })
  return ctx.i18n
}
