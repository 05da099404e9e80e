import db from '@adonisjs/lucid/services/db'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { closeAsCancelled, tellCancelled } from '#modules/exchanges/services/cancellation'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
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
    const cancelled = await db.transaction(async (trx) => {
      const locked = await lockExchange(trx, exchangeId)
      if (locked.status !== 'open' && locked.status !== 'agreed') {
        throw new ExchangeRefusal('already_closed', 409, { status: locked.status })
      }
      return closeAsCancelled(trx, locked)
    })

    await disposeOfPhotos(exchangeId)
    await tellCancelled(cancelled, 'withdrawn')
  }
}
