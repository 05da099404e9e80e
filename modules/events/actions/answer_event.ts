import db from '@adonisjs/lucid/services/db'
import { authorizeTrust } from '#modules/verification/index'
import { visibleEvent } from '#modules/events/queries/event_access'
import { lockEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { EventRefusal } from '#modules/events/services/errors'
import type { RsvpAnswer } from '#modules/events/services/settings'

/** Refuses answering an event that is cancelled or over. */
export function assertOpen(event: EventRecord, now: Date): void {
  if (event.status === 'cancelled') throw new EventRefusal('cancelled', 409)
  if (event.endsAt <= now) throw new EventRefusal('ended', 409)
}

/**
 * A verified neighbour answers going, maybe or no, or changes their
 * answer, until the event ends. Under the event's row lock (every answer
 * queues on it): "going" takes a place only if one is left; the answer
 * and the event's going count are written together. Concurrent answers
 * therefore never pass the capacity.
 */
export default class AnswerEvent {
  async execute(
    userId: number,
    eventId: number,
    answer: RsvpAnswer
  ): Promise<{ changed: boolean }> {
    await authorizeTrust(userId, 'rsvp')
    await visibleEvent(eventId, userId)
    return db.transaction(async (trx) => {
      const event = await lockEvent(trx, eventId)
      const now = new Date()
      assertOpen(event, now)
      const existing = await trx
        .from('event_rsvps')
        .where({ event_id: eventId, user_id: userId })
        .select('id', 'answer')
        .first()
      const wasGoing = existing?.answer === 'going'
      const delta = (answer === 'going' ? 1 : 0) - (wasGoing ? 1 : 0)
      if (delta > 0 && event.capacity !== null && event.goingCount >= event.capacity) {
        throw new EventRefusal('full', 422, { capacity: event.capacity }, 'answer')
      }
      if (existing) {
        await trx.from('event_rsvps').where('id', existing.id).update({ answer, updated_at: now })
      } else {
        await trx.table('event_rsvps').insert({
          event_id: eventId,
          user_id: userId,
          answer,
          created_at: now,
          updated_at: now,
        })
      }
      if (delta !== 0) {
        await trx.rawQuery('UPDATE events SET going_count = going_count + ? WHERE id = ?', [
          delta,
          eventId,
        ])
      }
      return { changed: Boolean(existing) }
    })
  }
}
