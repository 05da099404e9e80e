import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { lockEvent, type EventRecord } from '#modules/events/queries/event_rows'

/**
 * Cancels an event whose row the caller has locked: it leaves the feed
 * and calendars get it as CANCELLED (SEQUENCE up). `reason` is what the
 * author typed; null when nobody gave one (the organiser left Quartier:
 * pages and mails then say so in the reader's language). Gives the row
 * as it now is, still locked.
 */
export async function cancelLockedEvent(
  trx: TransactionClientContract,
  eventId: number,
  reason: string | null
): Promise<EventRecord> {
  const now = new Date()
  await trx.rawQuery(
    `UPDATE events SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?,
            sequence = sequence + 1, updated_at = ?
      WHERE id = ?`,
    /** knex binds null as NULL; Lucid's binding types leave it out. */
    [now, reason, now, eventId] as unknown as RawQueryBindings
  )
  return lockEvent(trx, eventId)
}
