import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Exchange from '#modules/exchanges/models/exchange'
import {
  closeAsCancelled,
  releaseBooking,
  tellCancelled,
  type CancelledExchange,
} from '#modules/exchanges/services/cancellation'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'

/**
 * Grid (degrees) the places of a former resident's rides are snapped to:
 * 0.01° is about 1.1 km north-south and 0.7 km east-west in France,
 * enough to no longer point at a home, still the right part of town.
 */
export const FORMER_PLACE_GRID = 0.01

interface LeftBooking {
  driverId: number
  exchangeId: number
  title: string
  seats: number
}

/**
 * A resident leaves Quartier (account erasure), inside the erasure's
 * transaction, so that nobody keeps counting on someone who is gone:
 *
 * 1. Their exchanges still under way (open or agreed) are cancelled, with
 *    their rides' bookings. Rides whose trip is already over are left to
 *    the hourly job, which closes them as done or expired (telling
 *    passengers after the trip that it is cancelled would be wrong).
 * 2. Their bookings on others' rides still to come are cancelled and the
 *    seats given back.
 * 3. Their rides' places, often their own door, are forgotten: the names
 *    are emptied (pages show "a former resident's place") and the points
 *    snapped to a ~1 km grid, whatever the ride's state.
 *
 * 4. Their answers to others' open posts are withdrawn; the authors of
 *    exchanges agreed with them keep them as they are (a loan may be in
 *    their hands) and are told, to cancel or post again.
 *
 * After the commit, the neighbour an exchange was agreed with, the
 * passengers, the drivers and those authors are told the neighbour left.
 */
export async function leaveExchanges(
  userId: number,
  trx: TransactionClientContract
): Promise<void> {
  const now = new Date()
  const underWay = await Exchange.query({ client: trx })
    .where('author_id', userId)
    .whereIn('status', ['open', 'agreed'])
    .where((query) => query.whereNot('kind', 'ride').orWhere('expires_at', '>', now))
    .orderBy('id')
    .forUpdate()
  const cancelled: CancelledExchange[] = []
  for (const exchange of underWay) cancelled.push(await closeAsCancelled(trx, exchange))

  const bookings = await trx
    .from('ride_bookings as b')
    .join('exchanges as e', 'e.id', 'b.exchange_id')
    .where({ 'b.passenger_id': userId, 'b.status': 'booked', 'e.status': 'open' })
    .where('e.expires_at', '>', now)
    .orderBy('b.id')
    .forUpdate('b')
    .select('b.id', 'b.exchange_id', 'b.seats', 'e.author_id', 'e.title')
  const left: LeftBooking[] = []
  for (const booking of bookings) {
    left.push({
      driverId: Number(booking.author_id),
      exchangeId: Number(booking.exchange_id),
      title: booking.title,
      seats: await releaseBooking(trx, booking),
    })
  }

  /** Their answers to others' open posts: nobody may choose someone who is gone. */
  await trx
    .from('exchange_responses')
    .where('respondent_id', userId)
    .whereIn('exchange_id', trx.from('exchanges').where('status', 'open').select('id'))
    .delete()
  /** Others' exchanges agreed with them: the author decides (cancel, post again); told below. */
  const agreedWithThem = await trx
    .from('exchanges')
    .where({ agreed_with_id: userId, status: 'agreed' })
    .whereNot('author_id', userId)
    .orderBy('id')
    .select('id', 'author_id', 'title')

  await trx.rawQuery(
    `UPDATE exchange_rides r
        SET from_label = '', to_label = '',
            from_point = ST_SnapToGrid(r.from_point, ?), to_point = ST_SnapToGrid(r.to_point, ?)
       FROM exchanges e
      WHERE e.id = r.exchange_id AND e.author_id = ?`,
    [FORMER_PLACE_GRID, FORMER_PLACE_GRID, userId]
  )

  trx.after('commit', async () => {
    for (const exchange of cancelled) await tellCancelled(exchange, 'author_left')
    for (const exchange of agreedWithThem) {
      await notifyResident(
        Number(exchange.author_id),
        'exchanges.mail.chosen_left',
        { title: exchange.title },
        exchangePath(Number(exchange.id))
      )
    }
    for (const booking of left) {
      await notifyResident(
        booking.driverId,
        'exchanges.mail.passenger_left',
        { title: booking.title, seats: booking.seats },
        exchangePath(booking.exchangeId)
      )
    }
  })
}
