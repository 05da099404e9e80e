import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { conversationPath } from '#modules/messaging/index'
import { checkBeforePublishing } from '#modules/moderation/index'
import AgreeOnExchange from '#modules/exchanges/actions/agree_on_exchange'
import CancelExchange from '#modules/exchanges/actions/cancel_exchange'
import ConfirmLoanReturned from '#modules/exchanges/actions/confirm_loan_returned'
import ExtendExchange from '#modules/exchanges/actions/extend_exchange'
import MarkExchangeDone from '#modules/exchanges/actions/mark_exchange_done'
import RespondToExchange from '#modules/exchanges/actions/respond_to_exchange'
import Exchange from '#modules/exchanges/models/exchange'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { exchangeRefusal } from '#modules/exchanges/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/exchanges/services/show_page'
import { agreeValidator, respondValidator } from '#modules/exchanges/validators/exchange_validators'
import { idParam } from '#app/http/route_id'

/**
 * The steps of an exchange's life, each a form on its page: answering it,
 * and (its author) agreeing with a respondent, marking it done, closing
 * or extending it; the lender confirming a loan came back. A step the
 * state does not allow answers 409 with the page and a message saying
 * why; someone who may not take it, 403; an invisible exchange, 404.
 */
export default class ExchangeStepsController {
  /** "I'm interested" / "I can help": to the conversation with the author. */
  async respond(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    let conversationId: number
    try {
      const { message } = await this.validate(ctx, id, respondValidator)
      /** What the neighbour typed opens the conversation: checked as a message (not the default). */
      if (message) {
        await checkBeforePublishing(ctx, {
          userId,
          kind: 'message',
          texts: [message],
          page: () => showPage(ctx, id),
        })
      }
      const exchange = await Exchange.find(id)
      const answered = await new RespondToExchange().execute(userId, id, {
        message: message ?? null,
        defaultMessage: ctx.i18n.t(
          `exchanges.respond.default_message.${exchange?.direction ?? 'offer'}`,
          { title: exchange?.title ?? '' }
        ),
      })
      conversationId = answered.conversationId
    } catch (error) {
      throw await exchangeRefusal(ctx, error, () => showPage(ctx, id))
    }
    return ctx.response.redirect(conversationPath(conversationId))
  }

  async agree(ctx: HttpContext) {
    const id = idParam(ctx)
    return this.step(ctx, id, 'exchanges.flash.agreed', async (userId) => {
      const data = await this.validate(ctx, id, agreeValidator)
      await new AgreeOnExchange().execute(userId, id, {
        respondentId: data.respondent_id,
        returnDueOn: data.return_due_on ?? null,
      })
    })
  }

  async done(ctx: HttpContext) {
    const id = idParam(ctx)
    return this.step(ctx, id, 'exchanges.flash.done', (userId) =>
      new MarkExchangeDone().execute(userId, id)
    )
  }

  async returned(ctx: HttpContext) {
    const id = idParam(ctx)
    return this.step(ctx, id, 'exchanges.flash.returned', (userId) =>
      new ConfirmLoanReturned().execute(userId, id)
    )
  }

  async cancel(ctx: HttpContext) {
    const id = idParam(ctx)
    return this.step(ctx, id, 'exchanges.flash.cancelled', (userId) =>
      new CancelExchange().execute(userId, id)
    )
  }

  async extend(ctx: HttpContext) {
    const id = idParam(ctx)
    return this.step(ctx, id, 'exchanges.flash.extended', async (userId) => {
      const until = await new ExtendExchange().execute(userId, id)
      return {
        key: 'exchanges.flash.extended',
        date: ctx.i18n.formatDate(until, { dateStyle: 'long', timeZone: 'Europe/Paris' }),
      }
    })
  }

  private async step(
    ctx: HttpContext,
    id: number,
    flash: string,
    run: (userId: number) => Promise<void | { key: string; [value: string]: string }>
  ) {
    let flashed: string | { key: string } = flash
    try {
      flashed = (await run(this.userId(ctx))) ?? flash
    } catch (error) {
      throw await exchangeRefusal(ctx, error, () => showPage(ctx, id))
    }
    ctx.session.flash('success', flashed)
    return ctx.response.redirect(exchangePath(id))
  }

  /** A refused form comes back on the exchange page (visible ones only: else 404). */
  private async validate<T>(
    ctx: HttpContext,
    id: number,
    validator: { validate(data: unknown, options: object): Promise<T> }
  ): Promise<T> {
    try {
      return await validator.validate(ctx.request.all(), {
        messagesProvider: ctx.i18n.createMessagesProvider(),
      })
    } catch (error) {
      const messages = (error as { messages?: { field: string; message: string }[] }).messages
      if (!messages) throw error
      const fieldErrors: Record<string, string[]> = {}
      for (const item of messages) (fieldErrors[item.field] ??= []).push(item.message)
      const { state } = await showPage(ctx, id)
      throw new FormError({ view: SHOW_VIEW, state, fieldErrors })
    }
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }
}
