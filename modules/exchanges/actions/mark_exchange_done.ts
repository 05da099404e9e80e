import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { disposeOfPhotos } from '#modules/exchanges/services/photo_disposal'

/**
 * The author marks the exchange done: agreed -> done (a ride offer: open
 * -> done once the trip happened). A loan is done only when the lender
 * confirms the object came back (ConfirmLoanReturned). The photos are no
 * longer needed: deleted after the commit.
 */
export default class MarkExchangeDone {
  async execute(userId: number, exchangeId: number): Promise<void> {
    await authoredExchange(exchangeId, userId)
    await db.transaction(async (trx) => {
      const exchange = await lockExchange(trx, exchangeId)
      const from = exchange.isRideOffer ? 'open' : 'agreed'
      if (exchange.status !== from) {
        throw new ExchangeRefusal(exchange.isRideOffer ? 'not_open' : 'not_agreed', 409, {
          status: exchange.status,
        })
      }
      if (exchange.kind === 'loan') throw new ExchangeRefusal('loan_needs_return', 409)
      exchange.merge({ status: 'done', closedAt: DateTime.now() })
      await exchange.useTransaction(trx).save()
    })
    await disposeOfPhotos(exchangeId)
  }
}
