import db from '@adonisjs/lucid/services/db'
import { visibleEvent } from '#modules/events/queries/event_access'
import { lockEvent } from '#modules/events/queries/event_rows'
import { EventRefusal } from '#modules/events/services/errors'

/**
 * A neighbour takes their answer back (before the event ends); a place
 * they held is freed under the event's row lock.
 */
export default class WithdrawAnswer {
  async execute(userId: number, eventId: number): Promise<void> {
    await visibleEvent(eventId, userId)
    await db.transaction(async (trx) => {
      const event = await lockEvent(trx, eventId)
      if (event.endsAt <= new Date()) throw new EventRefusal('ended', 409)
      const existing = await trx
        .from('event_rsvps')
        .where({ event_id: eventId, user_id: userId })
        .select('id', 'answer')
        .first()
      if (!existing) throw new EventRefusal('no_rsvp', 409)
      await trx.from('event_rsvps').where('id', existing.id).delete()
      if (existing.answer === 'going') {
        await trx.rawQuery('UPDATE events SET going_count = going_count - 1 WHERE id = ?', [
          eventId,
        ])
      }
    })
  }
}
