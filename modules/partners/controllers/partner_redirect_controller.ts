import type { HttpContext } from '@adonisjs/core/http'
import FollowOffer from '#modules/partners/actions/follow_offer'
import { pageNotFound } from '#app/http/page_not_found'

/**
 * `/partners/go/:offerRef`, the link of a partner card: records the
 * click and sends the resident on to the partner (302). 404 for an offer
 * the resident's feed would not show (another neighbourhood, expired,
 * switched off, unknown).
 */
export default class PartnerRedirectController {
  async go(ctx: HttpContext) {
    const offerRef = Number(ctx.params.offerRef)
    if (!Number.isSafeInteger(offerRef) || offerRef <= 0) pageNotFound()
    const destination = await new FollowOffer().execute({
      userId: Number(ctx.auth.getUserOrFail().id),
      locale: ctx.i18n.locale,
      offerRef,
    })
    if (!destination) pageNotFound()
    return ctx.response.redirect().status(302).toPath(destination.url)
  }
}
