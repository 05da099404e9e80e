import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { maySee, residentHome } from '#modules/neighbourhoods/index'
import { hiddenContentViewer } from '#modules/moderation/index'
import { trustLevel } from '#modules/verification/index'
import Exchange from '#modules/exchanges/models/exchange'
import { ExchangeNotFoundError } from '#modules/exchanges/services/errors'

/**
 * Whether a resident may see an exchange: its author; the neighbours it
 * was with (a respondent, a passenger, the chosen one) even if they moved
 * since; otherwise the scope rule (maySee). Unverified residents read
 * their own neighbourhood only, as everywhere on Quartier.
 */
export async function mayView(exchange: Exchange, viewerId: number): Promise<boolean> {
  /** Hidden by moderation: only its author and its moderators still see it. */
  if (exchange.hiddenAt) {
    const viewer = await hiddenContentViewer(viewerId, exchange)
    if (viewer === null) return false
    if (viewer === 'moderator') return true
  }
  if (exchange.authorId === viewerId || exchange.agreedWithId === viewerId) return true
  if (await tookPart(exchange.id, viewerId)) return true
  const visible = await maySee(viewerId, {
    neighbourhoodId: exchange.neighbourhoodId,
    scope: exchange.scope,
  })
  if (!visible) return false
  if ((await trustLevel(viewerId)) === 'verified') return true
  const home = await residentHome(viewerId)
  return home?.neighbourhoodId === exchange.neighbourhoodId
}

async function tookPart(exchangeId: number, userId: number): Promise<boolean> {
  const { rows } = await db.rawQuery(
    `SELECT EXISTS (SELECT 1 FROM exchange_responses WHERE exchange_id = ? AND respondent_id = ?)
         OR EXISTS (SELECT 1 FROM ride_bookings WHERE exchange_id = ? AND passenger_id = ?) AS took_part`,
    [exchangeId, userId, exchangeId, userId]
  )
  return rows[0]?.took_part === true
}

/** The exchange if the resident may see it; ExchangeNotFoundError (a 404) otherwise. */
export async function visibleExchange(exchangeId: number, viewerId: number): Promise<Exchange> {
  const exchange = await Exchange.find(exchangeId)
  if (!exchange || !(await mayView(exchange, viewerId))) throw new ExchangeNotFoundError()
  return exchange
}

/** The exchange's row locked until the transaction ends (every change of state takes it). */
export async function lockExchange(
  trx: TransactionClientContract,
  exchangeId: number
): Promise<Exchange> {
  const exchange = await Exchange.query({ client: trx }).where('id', exchangeId).forUpdate().first()
  if (!exchange) throw new ExchangeNotFoundError()
  return exchange
}
