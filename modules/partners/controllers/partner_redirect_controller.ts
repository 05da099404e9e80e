import type { HttpContext } from '@adonisjs/core/http'
import FollowOffer from '#modules/partners/actions/follow_offer'

function notFound(ctx: HttpContext): never {
  return ctx.response.abort(ctx.i18n.t('errors.pages.not_found.title'), 404) as never
}

/**
 * `/partners/go/:offerRef`, the link of a partner card: records the
 * click and sends the resident on to the partner (302). 404 for an offer
 * the resident's feed would not show (another neighbourhood, expired,
 * switched off, unknown).
 */
export default class PartnerRedirectController {
  async go(ctx: HttpContext) {
    const offerRef = Number(ctx.params.offerRef)
    if (!Number.isSafeInteger(offerRef) || offerRef <= 0) notFound(ctx)
    const destination = await new FollowOffer().execute({
      userId: Number(ctx.auth.getUserOrFail().id),
      locale: ctx.i18n.locale,
      offerRef,
    })
    if (!destination) notFound(ctx)
    return ctx.response.redirect().status(302).toPath(destination.url)
  }
}
