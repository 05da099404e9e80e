import type { HttpContext } from '@adonisjs/core/http'
import type User from '#modules/accounts/models/user'
import { isSupportedLocale, rememberLocale } from '#app/i18n/locale'

/** Session key holding the account's session epoch at sign-in time. */
export const EPOCH_KEY = 'auth_epoch'

/**
 * Signs the user in on this device: new session id (the guard regenerates
 * it), the epoch that lets "sign out other sessions" end this one later,
 * and the resident's language.
 */
export async function openSession(ctx: HttpContext, user: User, remember: boolean) {
  await ctx.auth.use('web').login(user, remember)
  ctx.session.put(EPOCH_KEY, user.sessionEpoch)
  if (isSupportedLocale(user.locale)) rememberLocale(ctx, user.locale)
}

/**
 * After the account's epoch moved (password change, "sign out other
 * sessions"), keeps this device signed in, remembered if it was.
 */
export async function renewSession(ctx: HttpContext, user: User) {
  const guard = ctx.auth.use('web')
  const remembered = !!ctx.request.encryptedCookie(guard.rememberMeKeyName)
  await openSession(ctx, user, remembered)
}
