import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import AdvanceCampaign, { type OrganiserStep } from '#modules/group_buys/actions/advance_campaign'
import CancelCampaign from '#modules/group_buys/actions/cancel_campaign'
import OpenCampaign from '#modules/group_buys/actions/open_campaign'
import { VALIDATOR_MESSAGES, validationErrors } from '#modules/group_buys/services/campaign_form'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { groupBuyRefusal } from '#modules/group_buys/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/group_buys/services/show_page'
import { cancelValidator } from '#modules/group_buys/validators/group_buy_validators'
import { idParam } from '#app/http/route_id'

/**
 * The organiser's steps on a campaign: open the draft, cancel (with a
 * reason), then confirm, deliver and complete after the deadline. A step
 * the state machine does not allow comes back as the page with a 409.
 */
export default class CampaignStepsController {
  async open(ctx: HttpContext) {
    return this.step(ctx, 'open', (userId, id) => new OpenCampaign().execute(userId, id))
  }

  async cancel(ctx: HttpContext) {
    return this.step(ctx, 'cancelled', async (userId, id) => {
      let reason: string
      try {
        ;({ reason } = await cancelValidator.validate(ctx.request.all(), {
          messagesProvider: ctx.i18n.createMessagesProvider(VALIDATOR_MESSAGES),
        }))
      } catch (error) {
        const fieldErrors = validationErrors(error)
        if (!fieldErrors) throw error
        const { state } = await showPage(ctx, id)
        throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
      }
      await new CancelCampaign().execute(userId, id, reason)
    })
  }

  async confirm(ctx: HttpContext) {
    return this.advance(ctx, 'confirmed')
  }

  async deliver(ctx: HttpContext) {
    return this.advance(ctx, 'delivered')
  }

  async complete(ctx: HttpContext) {
    return this.advance(ctx, 'completed')
  }

  private advance(ctx: HttpContext, to: OrganiserStep) {
    return this.step(ctx, to, (userId, id) => new AdvanceCampaign().execute(userId, id, to))
  }

  private async step(
    ctx: HttpContext,
    name: string,
    run: (userId: number, id: number) => Promise<unknown>
  ) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    try {
      await run(userId, id)
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', `group_buys.flash.${name}`)
    return ctx.response.redirect(groupBuyPath(id))
  }
}
