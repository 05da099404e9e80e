import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'
import { disposeOfPhotos } from '#modules/exchanges/services/photo_disposal'

/**
 * The author withdraws their exchange (open or agreed -> cancelled). A
 * ride's bookings are cancelled with it. After the commit the photos are
 * deleted and whoever counted on it (the chosen neighbour, the
 * passengers) is told by mail.
 */
export default class CancelExchange {
  async execute(userId: number, exchangeId: number): Promise<void> {
    await authoredExchange(exchangeId, userId)
    const { exchange, told } = await db.transaction(async (trx) => {
      const locked = await lockExchange(trx, exchangeId)
      if (locked.status !== 'open' && locked.status !== 'agreed') {
        throw new ExchangeRefusal('already_closed', 409, { status: locked.status })
      }
      const passengers = await trx
        .from('ride_bookings')
        .where({ exchange_id: exchangeId, status: 'booked' })
        .update({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() })
        .returning('passenger_id')
      const agreedWith = locked.status === 'agreed' ? locked.agreedWithId : null
      locked.merge({ status: 'cancelled', closedAt: DateTime.now() })
      await locked.useTransaction(trx).save()
      return {
        exchange: locked,
        told: {
          agreedWith,
          passengers: passengers.map((row: { passenger_id: number }) => Number(row.passenger_id)),
        },
      }
    })

    await disposeOfPhotos(exchangeId)
    const path = exchangePath(exchangeId)
    if (told.agreedWith) {
      await notifyResident(
        told.agreedWith,
        'exchanges.mail.cancelled',
        { title: exchange.title },
        path
      )
    }
    for (const passengerId of told.passengers) {
      await notifyResident(
        passengerId,
        'exchanges.mail.ride_cancelled',
        { title: exchange.title },
        path
      )
    }
  }
}
