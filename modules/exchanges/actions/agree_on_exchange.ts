import { publicName } from '#modules/verification/index'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { accounts } from '#modules/accounts/index'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'
import { isDay, parisMoment, parisToday } from '#modules/exchanges/services/paris_time'

/**
 * The author chooses, among the neighbours who answered, the one they
 * agree with: open -> agreed. A loan also sets when the object comes
 * back (the borrower is reminded the day before). Ride offers have no
 * such step: passengers book seats. The chosen neighbour is told by mail.
 */
export default class AgreeOnExchange {
  async execute(
    userId: number,
    exchangeId: number,
    input: { respondentId: number; returnDueOn?: string | null }
  ): Promise<void> {
    await authoredExchange(exchangeId, userId)
    const exchange = await db.transaction(async (trx) => {
      const locked = await lockExchange(trx, exchangeId)
      if (locked.isRideOffer) throw new ExchangeRefusal('ride_offer_books', 409)
      if (locked.status !== 'open') {
        throw new ExchangeRefusal('not_open', 409, { status: locked.status })
      }
      const response = await trx
        .from('exchange_responses')
        .where({ exchange_id: exchangeId, respondent_id: input.respondentId })
        .first()
      if (!response) throw new ExchangeRefusal('not_respondent', 422, {}, 'respondent_id')
      let returnDueOn: string | null = null
      if (locked.kind === 'loan') {
        returnDueOn = input.returnDueOn ?? null
        if (!returnDueOn || !isDay(returnDueOn)) {
          throw new ExchangeRefusal('return_date_required', 422, {}, 'return_due_on')
        }
        if (returnDueOn < parisToday()) {
          throw new ExchangeRefusal('return_date_past', 422, {}, 'return_due_on')
        }
      }
      locked.merge({
        status: 'agreed',
        agreedWithId: input.respondentId,
        agreedAt: DateTime.now(),
        returnDueOn,
      })
      await locked.useTransaction(trx).save()
      return locked
    })

    const author = await accounts.findResident(userId)
    await notifyResident(
      input.respondentId,
      exchange.kind === 'loan' ? 'exchanges.mail.agreed_loan' : 'exchanges.mail.agreed',
      {
        title: exchange.title,
        author: publicName(author?.displayName ?? '', 'verified'),
        ...(exchange.returnDueOn ? { date: parisMoment(exchange.returnDueOn, '12:00')! } : {}),
      },
      exchangePath(exchange.id)
    )
  }
}
