import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import EnterPostcardCode from '#modules/verification/actions/postcards/enter_postcard_code'
import RequestPostcard from '#modules/verification/actions/postcards/request_postcard'
import { VERIFY_VIEW, verifyPageState } from '#modules/verification/controllers/verify_controller'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'
import { refusalMessage } from '#modules/verification/services/postcards/refusal_message'
import {
  postcardCodeValidator,
  postcardRequestValidator,
} from '#modules/verification/validators/postcard_validators'

/**
 * The resident's side of the postcard, on the "Verify my address" page:
 * asking for a card, then typing its code. Everything acts on the
 * signed-in resident's own rows; a refusal shows the page again with the
 * reason (the state is read after the refusal, so tries left are current).
 */
@inject()
export default class PostcardsController {
  constructor(
    private requestPostcard: RequestPostcard,
    private enterCode: EnterPostcardCode
  ) {}

  async store(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const data = await validateForm(
      ctx,
      postcardRequestValidator,
      VERIFY_VIEW,
      await verifyPageState(userId)
    )
    try {
      await this.requestPostcard.execute(userId, data)
    } catch (error) {
      throw await this.refusal(ctx, userId, error)
    }
    ctx.session.flash('success', 'postcards.flash.requested')
    return ctx.response.redirect(`${urlFor('verification.show')}#postcard`)
  }

  async verify(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const { code } = await validateForm(
      ctx,
      postcardCodeValidator,
      VERIFY_VIEW,
      await verifyPageState(userId)
    )
    try {
      await this.enterCode.execute(userId, code)
    } catch (error) {
      throw await this.refusal(ctx, userId, error)
    }
    ctx.session.flash('success', 'postcards.flash.verified')
    return ctx.response.redirect().toRoute('verification.show')
  }

  private async refusal(ctx: HttpContext, userId: number, error: unknown): Promise<unknown> {
    if (!(error instanceof PostcardRefusal)) return error
    const message = refusalMessage(ctx, error)
    return pageRefusal({
      view: VERIFY_VIEW,
      state: await verifyPageState(userId),
      status: error.status,
      ...(error.field ? { fieldErrors: { [error.field]: [message] } } : { message }),
    })
  }
}
