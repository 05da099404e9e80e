import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * The author keeps an open exchange 30 more days (once: after that it
 * ends, or they post it again). A new reminder will come before the new
 * end. Rides end with their trip and are not extended.
 */
export default class ExtendExchange {
  async execute(userId: number, exchangeId: number): Promise<Date> {
    await authoredExchange(exchangeId, userId)
    return db.transaction(async (trx) => {
      const exchange = await lockExchange(trx, exchangeId)
      if (exchange.kind === 'ride') throw new ExchangeRefusal('rides_do_not_extend', 409)
      if (exchange.status !== 'open') {
        throw new ExchangeRefusal('not_open', 409, { status: exchange.status })
      }
      if (exchange.extendedAt) throw new ExchangeRefusal('already_extended', 409)
      exchange.merge({
        expiresAt: exchange.expiresAt.plus({ days: exchangeSettings.extensionDays }),
        extendedAt: DateTime.now(),
        expiryRemindedAt: null,
      })
      await exchange.useTransaction(trx).save()
      return exchange.expiresAt.toJSDate()
    })
  }
}
