import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { guardPost, recordPost } from '#modules/moderation/index'
import { authorizeTrust } from '#modules/verification/index'
import { isBlocked } from '#modules/messaging/queries/blocks'
import { conversationFor } from '#modules/messaging/queries/participants'
import { insertMessage } from '#modules/messaging/services/post_message'
import { deliverLive } from '#modules/messaging/services/live'
import { normaliseBody } from '#modules/messaging/services/rules'
import {
  BlockedError,
  InvalidMessageError,
  NotParticipantError,
  RecipientGoneError,
} from '#modules/messaging/services/errors'

export interface SendMessageInput {
  conversationId: number
  senderId: number
  body: string
}

/**
 * A verified participant writes in their conversation, unless either
 * resident blocked the other or the other one erased their account
 * (RecipientGoneError: the thread stays readable, read-only). The
 * recipient's open pages hear of it after the commit.
 */
export default class SendMessage {
  async execute(input: SendMessageInput): Promise<{ messageId: number }> {
    const senderId = Number(input.senderId)
    const conversationId = Number(input.conversationId)
    const body = normaliseBody(input.body)
    if (body === null) throw new InvalidMessageError()
    /** A stranger learns nothing, not even that they would need verifying. */
    if (!(await conversationFor(senderId, conversationId))) throw new NotParticipantError()
    await authorizeTrust(senderId, 'message')

    const { messageId, recipientId } = await db.transaction(async (trx) => {
      const conversation = await conversationFor(senderId, conversationId, {
        trx,
        forUpdate: true,
      })
      if (!conversation) throw new NotParticipantError()
      /** Share-locks their account row: an erasure under way is seen, a later one waits. */
      if (await accounts.isErased(conversation.otherId, trx)) throw new RecipientGoneError()
      if (await isBlocked(senderId, conversation.otherId, trx)) throw new BlockedError()
      /** New residents send no links; messages do not count towards their daily posts. */
      await guardPost(senderId, { kind: 'message', texts: [body] }, trx)
      const id = await insertMessage(trx, { conversationId, senderId, body })
      await recordPost(senderId, 'message', trx)
      return { messageId: id, recipientId: conversation.otherId }
    })

    await deliverLive({ conversationId, messageId, senderId, recipientId, body })
    return { messageId }
  }
}
