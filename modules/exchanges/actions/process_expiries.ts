import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { notifyResident } from '#modules/exchanges/services/notify'
import {
  disposeOfPhotos,
  sweepClosedExchangePhotos,
} from '#modules/exchanges/services/photo_disposal'
import { daysAfter, exchangeSettings } from '#modules/exchanges/services/settings'

export interface ExpiryReport {
  /** Authors told their exchange ends in 3 days. */
  reminded: number
  /** Open exchanges nobody agreed on in time: expired. */
  expired: number
  /** Ride offers whose trip is past with passengers aboard: done. */
  finished: number
  /** Photos of closed exchanges deleted (retries included). */
  photos: number
}

const BATCH = 100

/**
 * The hourly pass over open exchanges (idempotent: run by the queue; tests
 * call it after moving timestamps). 1. Authors of exchanges ending within
 * 3 days get one reminder, with a link to extend it once or close it
 * (rides end with their trip: no reminder). 2. Exchanges past their end
 * close: `expired`, or `done` for a ride that had passengers. Their photos
 * are deleted. Each exchange is locked and checked again before changing.
 */
export default class ProcessExpiries {
  async execute(now: Date = new Date()): Promise<ExpiryReport> {
    const report: ExpiryReport = { reminded: 0, expired: 0, finished: 0, photos: 0 }
    const remindBefore = daysAfter(now, exchangeSettings.reminderDaysBefore)

    for await (const id of this.batches((seen) =>
      db
        .from('exchanges')
        .where('status', 'open')
        .whereNot('kind', 'ride')
        .whereNull('expiry_reminded_at')
        .where('expires_at', '>', now)
        .where('expires_at', '<=', remindBefore)
        .whereNotIn('id', seen)
    )) {
      if (await this.remind(id, now, remindBefore)) report.reminded += 1
    }

    for await (const id of this.batches((seen) =>
      db
        .from('exchanges')
        .where('status', 'open')
        .where('expires_at', '<=', now)
        .whereNotIn('id', seen)
    )) {
      const outcome = await this.close(id, now)
      if (outcome) report[outcome] += 1
    }

    report.photos = await sweepClosedExchangePhotos()
    return report
  }

  private async *batches(query: (seen: number[]) => ReturnType<typeof db.from>) {
    const seen: number[] = []
    while (true) {
      const rows = await query(seen.length ? seen : [0])
        .orderBy('id')
        .limit(BATCH)
        .select('id')
      if (rows.length === 0) return
      for (const row of rows) {
        seen.push(Number(row.id))
        yield Number(row.id)
      }
    }
  }

  private async remind(id: number, now: Date, remindBefore: Date): Promise<boolean> {
    const exchange = await db.transaction(async (trx) => {
      const locked = await lockExchange(trx, id)
      const expiresAt = locked.expiresAt.toJSDate()
      if (
        locked.status !== 'open' ||
        locked.kind === 'ride' ||
        locked.expiryRemindedAt ||
        expiresAt <= now ||
        expiresAt > remindBefore
      ) {
        return null
      }
      locked.expiryRemindedAt = DateTime.fromJSDate(now)
      await locked.useTransaction(trx).save()
      return locked
    })
    if (!exchange) return false
    await notifyResident(
      exchange.authorId,
      exchange.extendedAt ? 'exchanges.mail.expiring_last' : 'exchanges.mail.expiring',
      {
        title: exchange.title,
        date: exchange.expiresAt.toJSDate(),
        days: exchangeSettings.extensionDays,
      },
      `${exchangePath(exchange.id)}#end`
    )
    return true
  }

  private async close(id: number, now: Date): Promise<'expired' | 'finished' | null> {
    const outcome = await db.transaction(async (trx) => {
      const locked = await lockExchange(trx, id)
      if (locked.status !== 'open' || locked.expiresAt.toJSDate() > now) return null
      const passengers = locked.isRideOffer
        ? await trx
            .from('ride_bookings')
            .where({ exchange_id: id, status: 'booked' })
            .select('id')
            .first()
        : null
      locked.merge({
        status: passengers ? 'done' : 'expired',
        closedAt: DateTime.fromJSDate(now),
      })
      await locked.useTransaction(trx).save()
      return passengers ? ('finished' as const) : ('expired' as const)
    })
    if (outcome) await disposeOfPhotos(id)
    return outcome
  }
}
