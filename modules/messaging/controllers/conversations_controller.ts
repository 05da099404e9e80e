import { inject } from '@adonisjs/core'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { pageRefusal } from '#app/forms/page_refusal'
import { accounts } from '#modules/accounts/index'
import { checkBeforePublishing } from '#modules/moderation/index'
import { authorizeTrust } from '#modules/verification/index'
import MarkRead from '#modules/messaging/actions/mark_read'
import SendMessage from '#modules/messaging/actions/send_message'
import { inboxPage } from '#modules/messaging/queries/inbox'
import { conversationFor, type ConversationRow } from '#modules/messaging/queries/participants'
import { messagesAfter } from '#modules/messaging/queries/thread'
import { unreadCount } from '#modules/messaging/queries/unread'
import {
  BlockedError,
  InvalidMessageError,
  RecipientGoneError,
} from '#modules/messaging/services/errors'
import { shownName } from '#modules/messaging/services/names'
import { threadState } from '#modules/messaging/services/thread_state'
import {
  inboxQueryValidator,
  replyValidator,
  sinceQueryValidator,
  threadQueryValidator,
} from '#modules/messaging/validators/message_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INBOX_VIEW = 'messaging::pages/inbox'
const THREAD_VIEW = 'messaging::pages/thread'
const FRAGMENT_VIEW = 'messaging::components/messages'

/**
 * The inbox and the threads. Only the two participants reach a
 * conversation: anyone else gets 404 whatever the id, so its existence
 * does not leak. Writing takes a verified address (the 403 page says how
 * to get one), no block either way, and someone still there: with a
 * former resident (erased account) the thread is read-only (409).
 */
@inject()
export default class ConversationsController {
  constructor(
    private send: SendMessage,
    private markRead: MarkRead
  ) {}

  async index(ctx: HttpContext) {
    const [error, query] = await inboxQueryValidator.tryValidate(ctx.request.qs())
    if (error) return pageNotFound()
    const page = await inboxPage(this.viewerId(ctx), query.after ?? null, ctx.i18n.locale)
    return ctx.view.render(INBOX_VIEW, page)
  }

  async show(ctx: HttpContext) {
    const [error, query] = await threadQueryValidator.tryValidate(ctx.request.qs())
    if (error) return pageNotFound()
    const viewerId = this.viewerId(ctx)
    const conversation = await this.conversation(ctx, viewerId)
    const state = await threadState(viewerId, conversation, query.before ?? null, ctx.i18n.locale)
    /** Seeing the newest page reads the conversation (before the header counts). */
    if (state.isLatest && state.lastMessageId > conversation.lastReadMessageId) {
      await this.markRead.execute({
        conversationId: conversation.id,
        userId: viewerId,
        messageId: state.lastMessageId,
      })
    }
    return ctx.view.render(THREAD_VIEW, state)
  }

  async store(ctx: HttpContext) {
    const viewerId = this.viewerId(ctx)
    const conversation = await this.conversation(ctx, viewerId)
    const state = await threadState(viewerId, conversation, null, ctx.i18n.locale)
    if (state.otherLeft) throw this.gone(ctx, state)
    await authorizeTrust(viewerId, 'message')
    if (state.block.byViewer || state.block.byOther) throw this.blocked(ctx, state)
    const data = await validateForm(ctx, replyValidator, THREAD_VIEW, state)
    await checkBeforePublishing(ctx, {
      userId: viewerId,
      kind: 'message',
      texts: [data.message_body],
      page: async () => ({ view: THREAD_VIEW, state }),
    })
    try {
      const { messageId } = await this.send.execute({
        conversationId: conversation.id,
        senderId: viewerId,
        body: data.message_body,
      })
      return ctx.response.redirect(
        `${urlFor('messaging.conversations.show', { id: conversation.id })}#message-${messageId}`
      )
    } catch (error) {
      if (error instanceof BlockedError)
        throw this.blocked(ctx, await this.fresh(ctx, viewerId, conversation))
      if (error instanceof RecipientGoneError)
        throw this.gone(ctx, await this.fresh(ctx, viewerId, conversation))
      if (error instanceof InvalidMessageError) {
        throw pageRefusal({
          view: THREAD_VIEW,
          state,
          status: 422,
          fieldErrors: { message_body: [ctx.i18n.t('messaging.errors.invalid_message')] },
        })
      }
      throw error
    }
  }

  /**
   * The messages an open thread page has not shown yet, as list items
   * (escaped like the page), for the live update; reading them moves the
   * read mark. The new unread count comes in X-Unread-Count.
   */
  async since(ctx: HttpContext) {
    const [error, query] = await sinceQueryValidator.tryValidate(ctx.request.qs())
    if (error) return pageNotFound()
    const viewerId = this.viewerId(ctx)
    const conversation = await this.conversation(ctx, viewerId)
    const after = await messagesAfter(conversation.id, query.after)
    const messages = after.map((message) => ({ ...message, mine: message.senderId === viewerId }))
    const last = messages.at(-1)
    if (last && last.id > conversation.lastReadMessageId) {
      await this.markRead.execute({
        conversationId: conversation.id,
        userId: viewerId,
        messageId: last.id,
      })
    }
    const names = await accounts.displayNames([conversation.otherId], ctx.i18n.locale)
    const otherName = shownName(names.get(conversation.otherId) ?? '')
    const html = await ctx.view.render(FRAGMENT_VIEW, { messages, otherName })
    return ctx.response
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-unread-count', String(await unreadCount(viewerId)))
      .send(html)
  }

  private viewerId(ctx: HttpContext) {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async conversation(ctx: HttpContext, viewerId: number): Promise<ConversationRow> {
    const conversation = await conversationFor(viewerId, idParam(ctx))
    if (!conversation) return pageNotFound()
    return conversation
  }

  private fresh(ctx: HttpContext, viewerId: number, conversation: ConversationRow) {
    return threadState(viewerId, conversation, null, ctx.i18n.locale)
  }

  private blocked(ctx: HttpContext, state: Awaited<ReturnType<typeof threadState>>) {
    return pageRefusal({
      view: THREAD_VIEW,
      state,
      status: 403,
      message: ctx.i18n.t('messaging.errors.blocked'),
    })
  }

  /** The other one erased their account: the read-only thread, with why. */
  private gone(ctx: HttpContext, state: Awaited<ReturnType<typeof threadState>>) {
    return pageRefusal({
      view: THREAD_VIEW,
      state,
      status: 409,
      message: ctx.i18n.t('messaging.errors.former_resident'),
    })
  }
}
