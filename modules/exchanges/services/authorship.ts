import Exchange from '#modules/exchanges/models/exchange'
import { mayView } from '#modules/exchanges/queries/exchange_access'
import { ExchangeNotFoundError, ExchangeRefusal } from '#modules/exchanges/services/errors'

/**
 * The exchange, for a step only its author takes. Someone else who can
 * see it is told it is not theirs (403); anyone else gets a 404.
 */
export async function authoredExchange(exchangeId: number, userId: number): Promise<Exchange> {
  const exchange = await Exchange.find(exchangeId)
  if (!exchange) throw new ExchangeNotFoundError()
  if (exchange.authorId === userId) return exchange
  if (await mayView(exchange, userId)) throw new ExchangeRefusal('not_author', 403)
  throw new ExchangeNotFoundError()
}
