import { publicName } from '#modules/verification/index'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { accounts } from '#modules/accounts/index'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'
import { addDays, parisMoment, parisToday } from '#modules/exchanges/services/paris_time'

/**
 * The hourly look at loans: a borrower whose object is due back tomorrow
 * (or sooner: a loan agreed for today) is reminded once, by mail, with
 * the lender's name. Idempotent (return_reminded_at); tests call it after
 * moving the return date.
 */
export default class RemindLoanReturns {
  async execute(now: Date = new Date()): Promise<{ reminded: number }> {
    const tomorrow = addDays(parisToday(now), 1)
    const due = await db
      .from('exchanges')
      .where({ status: 'agreed', kind: 'loan' })
      .whereNull('return_reminded_at')
      .whereNull('returned_at')
      .where('return_due_on', '<=', tomorrow)
      .orderBy('id')
      .select('id')
    let reminded = 0
    for (const row of due) {
      const exchange = await db.transaction(async (trx) => {
        const locked = await lockExchange(trx, Number(row.id))
        if (locked.status !== 'agreed' || locked.returnRemindedAt || !locked.returnDueOn) {
          return null
        }
        locked.returnRemindedAt = DateTime.fromJSDate(now)
        await locked.useTransaction(trx).save()
        return locked
      })
      if (!exchange || !exchange.borrowerId || !exchange.lenderId) continue
      const lender = await accounts.findResident(exchange.lenderId)
      await notifyResident(
        exchange.borrowerId,
        'exchanges.mail.return_due',
        {
          title: exchange.title,
          date: parisMoment(exchange.returnDueOn!, '12:00')!,
          lender: publicName(lender?.displayName ?? '', 'verified'),
        },
        exchangePath(exchange.id)
      )
      reminded += 1
    }
    return { reminded }
  }
}
