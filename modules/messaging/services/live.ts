import transmit from '@adonisjs/transmit/services/main'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { accounts } from '#modules/accounts/index'
import { unreadCount } from '#modules/messaging/queries/unread'
import { excerptOf } from '#modules/messaging/services/rules'
import { shownName } from '#modules/messaging/services/names'

/** What the recipient's open pages receive on `users/:id/inbox`. */
export interface LiveMessage {
  kind: 'message'
  conversationId: number
  messageId: number
  /** The sender's name as the recipient sees it. */
  from: string
  /** The sentence the page's live region announces, excerpt included. */
  text: string
  excerpt: string
  /** The recipient's unread count, for the header. */
  unread: number
}

/**
 * Tells the recipient's open pages about a new message, after the commit
 * (the channel is only theirs). A failure is logged: the message is sent
 * and shows on the next page load.
 */
export async function deliverLive(input: {
  conversationId: number
  messageId: number
  senderId: number
  recipientId: number
  body: string
}): Promise<void> {
  try {
    const [recipient, sender, unread] = await Promise.all([
      accounts.findResident(input.recipientId),
      accounts.findResident(input.senderId),
      unreadCount(input.recipientId),
    ])
    if (!recipient || !sender) return
    const from = shownName(sender.displayName)
    const excerpt = excerptOf(input.body)
    const text = i18nManager.locale(recipient.locale).t('messaging.live.new_message', {
      name: from,
      excerpt,
    })
    const payload: LiveMessage = {
      kind: 'message',
      conversationId: input.conversationId,
      messageId: input.messageId,
      from,
      text,
      excerpt,
      unread,
    }
    transmit.broadcast(`users/${input.recipientId}/inbox`, { ...payload })
  } catch (error) {
    logger.error({ err: error, conversationId: input.conversationId }, 'live delivery failed')
  }
}
