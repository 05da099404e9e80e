import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { Ability } from '#modules/verification/services/trust'

/**
 * An unverified resident tried something only verified residents do. It
 * renders itself: a 403 page (or JSON message) that says why and how to
 * get verified, with a link to the "Verify my address" page.
 */
export class VerificationRequiredError extends Exception {
  static status = 403
  static code = 'E_VERIFICATION_REQUIRED'

  constructor(public ability: Ability) {
    super(`verification required to ${ability}`)
  }

  async handle(error: VerificationRequiredError, ctx: HttpContext) {
    const message = ctx.i18n.t('verification.required.message')
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(403).send({ message, verifyUrl: '/verify' })
    }
    const html = await ctx.view.render('verification::pages/required', {
      ability: error.ability,
    })
    return ctx.response.status(403).header('content-type', 'text/html; charset=utf-8').send(html)
  }
}
