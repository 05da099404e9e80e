import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Unsubscribe from '#modules/notifications/actions/unsubscribe'
import { typeOf } from '#modules/notifications/services/types'
import { readUnsubscribe, type UnsubscribeToken } from '#app/mail/unsubscribe_tokens'

const VIEW = 'notifications::pages/unsubscribe'

/**
 * One-click unsubscribe (RFC 8058), without a session: the signed token
 * says who (a resident, or an address without an account) and what. GET only shows a confirmation button (link checkers
 * and mail scanners follow GET links); POST does it, and is exempt from
 * CSRF (config/shield.ts) because mail providers send it themselves.
 */
export default class UnsubscribeController {
  async show(ctx: HttpContext) {
    const token = this.tokenOr400(ctx)
    if (!token) return this.invalid(ctx)
    const used = await db
      .from('unsubscribe_tokens_used')
      .where('token_id', token.id)
      .select('token_id')
      .first()
    return ctx.view.render(VIEW, {
      outcome: used ? 'already_used' : 'confirm',
      what: this.what(ctx, token),
      forAddress: 'address' in token.target,
      token: ctx.params.token,
    })
  }

  async confirm(ctx: HttpContext) {
    const token = this.tokenOr400(ctx)
    if (!token) return this.invalid(ctx)
    const outcome = await new Unsubscribe().execute(token)
    if (outcome === 'unknown_user') return this.invalid(ctx)
    return ctx.view.render(VIEW, {
      outcome,
      what: this.what(ctx, token),
      forAddress: 'address' in token.target,
      token: ctx.params.token,
    })
  }

  private tokenOr400(ctx: HttpContext): UnsubscribeToken | null {
    return readUnsubscribe(String(ctx.params.token ?? ''))
  }

  /** Tampered, expired or not ours: a 400 page that says so. */
  private async invalid(ctx: HttpContext) {
    ctx.response.status(400)
    return ctx.view.render(VIEW, { outcome: 'invalid', what: null, forAddress: false, token: null })
  }

  private what(ctx: HttpContext, token: UnsubscribeToken): string {
    if ('digest' in token.target) return ctx.i18n.t('notifications.unsubscribe.digest')
    if ('address' in token.target) return ctx.i18n.t('notifications.unsubscribe.address')
    const label = typeOf(token.target.type).labelKey
    return ctx.i18n.t('notifications.unsubscribe.type', { label: ctx.i18n.t(label) })
  }
}
