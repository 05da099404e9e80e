import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lockExchange, visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { disposeOfPhotos } from '#modules/exchanges/services/photo_disposal'

/**
 * The lender confirms the lent object came back: agreed -> done. The
 * lender is the author of a loan offer, or the neighbour chosen on a loan
 * request; nobody else can say it.
 */
export default class ConfirmLoanReturned {
  async execute(userId: number, exchangeId: number): Promise<void> {
    await visibleExchange(exchangeId, userId)
    await db.transaction(async (trx) => {
      const exchange = await lockExchange(trx, exchangeId)
      if (exchange.kind !== 'loan') throw new ExchangeRefusal('not_a_loan', 409)
      if (exchange.status !== 'agreed') {
        throw new ExchangeRefusal('not_agreed', 409, { status: exchange.status })
      }
      if (exchange.lenderId !== userId) throw new ExchangeRefusal('not_lender', 403)
      const now = DateTime.now()
      exchange.merge({ status: 'done', returnedAt: now, closedAt: now })
      await exchange.useTransaction(trx).save()
    })
    await disposeOfPhotos(exchangeId)
  }
}
