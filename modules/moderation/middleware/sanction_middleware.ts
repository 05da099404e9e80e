import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { standingSanction } from '#modules/moderation/queries/sanctions'

/**
 * Routes a suspended resident may still post to: signing out, appealing,
 * and their privacy rights (export, erasure, unsubscribing).
 */
function stillAllowed(routeName: string | undefined): boolean {
  if (!routeName) return false
  return (
    routeName === 'accounts.session.destroy' ||
    routeName.startsWith('moderation.appeals.') ||
    routeName.startsWith('privacy.') ||
    routeName.includes('unsubscribe')
  )
}

/**
 * Router middleware: a banned resident is signed out (so a ban also
 * stops them signing in again: the next page they reach signs them out)
 * except on the appeal pages, where they may still contest the ban; a
 * suspended one cannot post (403 page saying until when and why).
 */
export default class SanctionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.user as { id: number | string } | undefined
    if (!user) return next()
    const sanction = await standingSanction(Number(user.id))
    if (!sanction) return next()
    const routeName = ctx.route?.name

    if (sanction.kind === 'ban') {
      if (routeName === 'accounts.session.destroy') return next()
      if (routeName?.startsWith('moderation.appeals.')) return next()
      await ctx.auth.use('web').logout()
      ctx.session.flash('error', 'moderation.flash.banned')
      return ctx.response.redirect('/login')
    }
    if (ctx.request.method() === 'GET' || ctx.request.method() === 'HEAD') return next()
    if (stillAllowed(routeName)) return next()

    const html = await ctx.view.render('moderation::pages/restricted', { sanction })
    return ctx.response.status(403).header('content-type', 'text/html; charset=utf-8').send(html)
  }
}
