import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import CancelPledge from '#modules/group_buys/actions/cancel_pledge'
import Pledge from '#modules/group_buys/actions/pledge'
import { parseQuantity } from '#modules/group_buys/services/amounts'
import { VALIDATOR_MESSAGES, validationErrors } from '#modules/group_buys/services/campaign_form'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { groupBuyRefusal } from '#modules/group_buys/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/group_buys/services/show_page'
import { pledgeValidator } from '#modules/group_buys/validators/group_buy_validators'
import { idParam } from '#app/http/route_id'

/**
 * Pledging (or changing one's pledge) and withdrawing it. A refusal
 * comes back as the campaign page with the message beside the quantity.
 */
export default class PledgesController {
  async store(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    let changed: boolean
    try {
      const quantityMilli = await this.quantity(ctx, id)
      ;({ changed } = await new Pledge().execute(userId, id, quantityMilli))
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash(
      'success',
      changed ? 'group_buys.flash.pledge_changed' : 'group_buys.flash.pledged'
    )
    return ctx.response.redirect(`${groupBuyPath(id)}#pledge`)
  }

  async cancel(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    try {
      await new CancelPledge().execute(userId, id)
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', 'group_buys.flash.pledge_cancelled')
    return ctx.response.redirect(groupBuyPath(id))
  }

  /** The typed quantity in milli-units ("12,5" -> 12500), or the page again with a message. */
  private async quantity(ctx: HttpContext, id: number): Promise<number> {
    let fieldErrors: Record<string, string[]> | null = null
    let milli: number | null | undefined
    try {
      const { quantity } = await pledgeValidator.validate(ctx.request.all(), {
        messagesProvider: ctx.i18n.createMessagesProvider(VALIDATOR_MESSAGES),
      })
      milli = parseQuantity(quantity)
      if (!milli) fieldErrors = { quantity: [ctx.i18n.t('group_buys.form_errors.quantity')] }
    } catch (error) {
      fieldErrors = validationErrors(error)
      if (!fieldErrors) throw error
    }
    if (fieldErrors) {
      const { state } = await showPage(ctx, id)
      throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
    }
    return milli!
  }
}
