import db from '@adonisjs/lucid/services/db'
import { BlockedError, isBlocked, startConversation } from '#modules/messaging/index'
import { authorizeTrust } from '#modules/verification/index'
import { visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangeSubject } from '#modules/exchanges/services/exchange_links'

/**
 * A neighbour answers an exchange ("I'm interested" / "I can help"): the
 * private conversation with the author about it opens (or reopens) with
 * their message, and they are recorded as a respondent the author can
 * agree with. Answering again without a new message just leads back to
 * the conversation.
 */
export default class RespondToExchange {
  async execute(
    userId: number,
    exchangeId: number,
    input: { message: string | null; defaultMessage: string }
  ): Promise<{ conversationId: number }> {
    await authorizeTrust(userId, 'reply')
    const exchange = await visibleExchange(exchangeId, userId)
    if (exchange.authorId === userId) throw new ExchangeRefusal('own_exchange', 403)
    if (exchange.isRideOffer) throw new ExchangeRefusal('ride_offer_books', 409)
    if (exchange.status !== 'open') {
      throw new ExchangeRefusal('not_open', 409, { status: exchange.status })
    }
    if (await isBlocked(userId, exchange.authorId)) throw new ExchangeRefusal('blocked', 403)

    const previous = await db
      .from('exchange_responses')
      .where({ exchange_id: exchangeId, respondent_id: userId })
      .whereNotNull('conversation_id')
      .first()
    if (previous && !input.message) return { conversationId: Number(previous.conversation_id) }

    let conversationId: number
    try {
      conversationId = await startConversation({
        from: userId,
        to: exchange.authorId,
        subject: exchangeSubject(exchange),
        firstMessage: input.message || input.defaultMessage,
        firstMessageIsDefault: !input.message,
      })
    } catch (error) {
      /** A link from a new resident (LinksNotAllowedError) renders itself: nothing was written. */
      if (error instanceof BlockedError) throw new ExchangeRefusal('blocked', 403)
      throw error
    }
    await db
      .table('exchange_responses')
      .insert({
        exchange_id: exchangeId,
        respondent_id: userId,
        conversation_id: conversationId,
        created_at: new Date(),
      })
      .onConflict(['exchange_id', 'respondent_id'])
      .merge(['conversation_id'])
    return { conversationId }
  }
}
