import { publicName } from '#modules/verification/index'
import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { releaseBooking } from '#modules/exchanges/services/cancellation'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'

/**
 * A passenger cancels their booking: the seats go back to the ride (never
 * above what it offers) in the same transaction, and the driver is told.
 */
export default class CancelBooking {
  async execute(userId: number, exchangeId: number): Promise<void> {
    const exchange = await visibleExchange(exchangeId, userId)
    const seats = await db.transaction(async (trx) => {
      const booking = await trx
        .from('ride_bookings')
        .where({ exchange_id: exchangeId, passenger_id: userId, status: 'booked' })
        .forUpdate()
        .first()
      if (!booking) throw new ExchangeRefusal('no_booking', 409)
      return releaseBooking(trx, booking)
    })
    if (exchange.status === 'open') {
      const passenger = await accounts.findResident(userId)
      await notifyResident(
        exchange.authorId,
        'exchanges.mail.booking_cancelled',
        {
          title: exchange.title,
          passenger: publicName(passenger?.displayName ?? '', 'verified'),
          seats,
        },
        exchangePath(exchangeId)
      )
    }
  }
}
