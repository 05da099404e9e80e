import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import { BlockedError, isBlocked, startConversation } from '#modules/messaging/index'
import { guardPost } from '#modules/moderation/index'
import { authorizeTrust } from '#modules/verification/index'
import { visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangeSubject } from '#modules/exchanges/services/exchange_links'

/** Postgres' unique_violation: ride_bookings_one_active on a second booking. */
const UNIQUE_VIOLATION = '23505'

/**
 * A verified neighbour books seats on a ride offer. The seats are taken
 * by one conditional UPDATE (`seats_left >= n`, the ride still open and
 * not gone): concurrent bookings queue on the ride's row and each sees
 * what the previous left, so seats never go below zero. The booking row
 * is written in the same transaction (one active booking per passenger).
 * Then the conversation with the driver opens with the passenger's words.
 */
export default class BookRide {
  async execute(
    userId: number,
    exchangeId: number,
    input: { seats: number; message: string | null; defaultMessage: string }
  ): Promise<{ bookingId: number; conversationId: number | null }> {
    await authorizeTrust(userId, 'reply')
    const exchange = await visibleExchange(exchangeId, userId)
    if (!exchange.isRideOffer) throw new ExchangeRefusal('only_ride_offers_book', 409)
    if (exchange.authorId === userId) throw new ExchangeRefusal('own_exchange', 403)
    if (exchange.status !== 'open') {
      throw new ExchangeRefusal('not_open', 409, { status: exchange.status })
    }
    if (await isBlocked(userId, exchange.authorId)) throw new ExchangeRefusal('blocked', 403)
    /**
     * The passenger's words open the conversation after the booking
     * commits, where a refusal would only be logged: a new resident's
     * link is refused here, before any seat is taken (messages are not
     * counted, so there is nothing to lock).
     */
    if (input.message) await guardPost(userId, { kind: 'message', texts: [input.message] })

    let bookingId: number
    try {
      bookingId = await db.transaction(async (trx) => {
        /** The usual case of a second booking, told before any write (the index settles races). */
        const existing = await trx
          .from('ride_bookings')
          .where({ exchange_id: exchangeId, passenger_id: userId, status: 'booked' })
          .select('id')
          .first()
        if (existing) throw new ExchangeRefusal('already_booked', 409)
        const taken = await trx.rawQuery(
          `UPDATE exchange_rides r SET seats_left = r.seats_left - ?
             FROM exchanges e
            WHERE r.exchange_id = ? AND e.id = r.exchange_id AND e.status = 'open'
              AND r.seats_left >= ? AND (r.departs_at IS NULL OR r.departs_at > now())
           RETURNING r.seats_left`,
          [input.seats, exchangeId, input.seats]
        )
        if (taken.rows.length === 0) throw await this.whyNot(trx, exchangeId)
        const now = new Date()
        const [row] = await trx
          .table('ride_bookings')
          .insert({
            exchange_id: exchangeId,
            passenger_id: userId,
            seats: input.seats,
            status: 'booked',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
        return Number(row.id)
      })
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ExchangeRefusal('already_booked', 409)
      }
      throw error
    }

    /** The booking stands even if the conversation cannot open (the driver sees it on the ride). */
    let conversationId: number | null = null
    try {
      conversationId = await startConversation({
        from: userId,
        to: exchange.authorId,
        subject: exchangeSubject(exchange),
        firstMessage: input.message || input.defaultMessage,
        firstMessageIsDefault: !input.message,
      })
      await db
        .from('ride_bookings')
        .where('id', bookingId)
        .update({ conversation_id: conversationId })
    } catch (error) {
      if (!(error instanceof BlockedError))
        logger.error({ err: error }, 'ride conversation not opened')
    }
    return { bookingId, conversationId }
  }

  /** Why the seats could not be taken: the ride closed, left, or has too few seats. */
  private async whyNot(
    trx: TransactionClientContract,
    exchangeId: number
  ): Promise<ExchangeRefusal> {
    const { rows } = await trx.rawQuery(
      `SELECT e.status, r.seats_left, (r.departs_at IS NOT NULL AND r.departs_at <= now()) AS departed
         FROM exchanges e JOIN exchange_rides r ON r.exchange_id = e.id WHERE e.id = ?`,
      [exchangeId]
    )
    const ride = rows[0]
    if (!ride || ride.status !== 'open') {
      return new ExchangeRefusal('not_open', 409, { status: ride?.status ?? 'cancelled' })
    }
    if (ride.departed) return new ExchangeRefusal('departed', 409)
    return new ExchangeRefusal('full', 409, { left: Number(ride.seats_left) })
  }
}
