import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import AnswerEvent from '#modules/events/actions/answer_event'
import WithdrawAnswer from '#modules/events/actions/withdraw_answer'
import { VALIDATOR_MESSAGES, validationErrors } from '#modules/events/services/event_form'
import { eventPath } from '#modules/events/services/links'
import { eventRefusal } from '#modules/events/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/events/services/show_page'
import type { RsvpAnswer } from '#modules/events/services/settings'
import { rsvpValidator } from '#modules/events/validators/event_validators'
import { idParam } from '#app/http/route_id'

/**
 * Answering an event (going, maybe, no), changing the answer, taking it
 * back. A refusal comes back as the event's page with the message.
 */
export default class RsvpsController {
  async store(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    let changed: boolean
    try {
      const answer = await this.answer(ctx, id)
      ;({ changed } = await new AnswerEvent().execute(userId, id, answer))
    } catch (error) {
      throw await eventRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', changed ? 'events.flash.answer_changed' : 'events.flash.answered')
    return ctx.response.redirect(`${eventPath(id)}#rsvp`)
  }

  async withdraw(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    try {
      await new WithdrawAnswer().execute(userId, id)
    } catch (error) {
      throw await eventRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', 'events.flash.withdrawn')
    return ctx.response.redirect(`${eventPath(id)}#rsvp`)
  }

  private async answer(ctx: HttpContext, id: number): Promise<RsvpAnswer> {
    try {
      const { answer } = await rsvpValidator.validate(ctx.request.all(), {
        messagesProvider: ctx.i18n.createMessagesProvider(VALIDATOR_MESSAGES),
      })
      return answer
    } catch (error) {
      const fieldErrors = validationErrors(error)
      if (!fieldErrors) throw error
      const { state } = await showPage(ctx, id)
      throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
    }
  }
}
