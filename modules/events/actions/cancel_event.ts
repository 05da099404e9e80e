import db from '@adonisjs/lucid/services/db'
import { lockEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { assertChangeable } from '#modules/events/actions/update_event'
import { cancelLockedEvent } from '#modules/events/services/cancellation'
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
      return cancelLockedEvent(trx, eventId, reason)
    })
    await tellParticipants(event, 'cancelled')
    return event
  }
}
