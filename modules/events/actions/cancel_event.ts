import db from '@adonisjs/lucid/services/db'
import { lockEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { assertChangeable } from '#modules/events/actions/update_event'
import { EventRefusal } from '#modules/events/services/errors'
import { tellParticipants } from '#modules/events/services/notify'

/**
 * The author cancels their event before it ends, saying why. It leaves
 * the feed; calendars get it as CANCELLED (SEQUENCE up); everyone who
 * answered going or maybe is told after the commit, with the reason.
 * Answers stay, for the record.
 */
export default class CancelEvent {
  async execute(userId: number, eventId: number, reason: string): Promise<EventRecord> {
    const event = await db.transaction(async (trx) => {
      const current = await lockEvent(trx, eventId)
      if (current.authorId !== userId) throw new EventRefusal('not_author', 403)
      assertChangeable(current, new Date())
      const now = new Date()
      await trx.rawQuery(
        `UPDATE events SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?,
                sequence = sequence + 1, updated_at = ?
          WHERE id = ?`,
        [now, reason, now, eventId]
      )
      return lockEvent(trx, eventId)
    })
    await tellParticipants(event, 'cancelled')
    return event
  }
}
