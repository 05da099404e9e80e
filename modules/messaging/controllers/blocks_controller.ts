import { inject } from '@adonisjs/core'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import BlockResident from '#modules/messaging/actions/block_resident'
import UnblockResident from '#modules/messaging/actions/unblock_resident'
import { conversationFor } from '#modules/messaging/queries/participants'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const thread = (id: number) => urlFor('messaging.conversations.show', { id })

/**
 * Blocking from a thread: the resident blocked is always the other
 * participant of a conversation the viewer is part of (never an id from
 * the form), so nobody can block, or learn about, a stranger.
 */
@inject()
export default class BlocksController {
  constructor(
    private block: BlockResident,
    private unblock: UnblockResident
  ) {}

  async store(ctx: HttpContext) {
    const { viewerId, conversation } = await this.conversation(ctx)
    await this.block.execute({ blockerId: viewerId, blockedId: conversation.otherId })
    ctx.session.flash('success', 'messaging.flash.blocked')
    return ctx.response.redirect(thread(conversation.id))
  }

  async destroy(ctx: HttpContext) {
    const { viewerId, conversation } = await this.conversation(ctx)
    await this.unblock.execute({ blockerId: viewerId, blockedId: conversation.otherId })
    ctx.session.flash('success', 'messaging.flash.unblocked')
    return ctx.response.redirect(thread(conversation.id))
  }

  private async conversation(ctx: HttpContext) {
    const viewerId = Number(ctx.auth.getUserOrFail().id)
    const conversation = await conversationFor(viewerId, idParam(ctx))
    if (!conversation) return pageNotFound()
    return { viewerId, conversation }
  }
}
