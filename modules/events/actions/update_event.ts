import db from '@adonisjs/lucid/services/db'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { lockEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { assertNotHome, placeAuthor } from '#modules/events/services/author'
import { EventRefusal } from '#modules/events/services/errors'
import type { EventInput } from '#modules/events/services/event_form'
import { tellParticipants } from '#modules/events/services/notify'

/** Refuses changing an event that is cancelled or over. */
export function assertChangeable(event: EventRecord, now: Date): void {
  if (event.status === 'cancelled') throw new EventRefusal('cancelled', 409)
  if (event.endsAt <= now) throw new EventRefusal('ended', 409)
}

/**
 * The author edits their event until it ends, under the event's row lock
 * (RSVPs wait): the capacity may not drop below those already going; the
 * place is still never their home. The iCalendar SEQUENCE goes up so
 * calendar apps take the change; after the commit everyone who answered
 * going or maybe is told by e-mail. The neighbourhood stays the one it
 * was posted in. (Organisation events: their module will pass its own
 * check of who may edit.)
 */
export default class UpdateEvent {
  async execute(userId: number, eventId: number, input: EventInput): Promise<EventRecord> {
    const event = await db.transaction(async (trx) => {
      const current = await lockEvent(trx, eventId)
      if (current.authorId !== userId) throw new EventRefusal('not_author', 403)
      assertChangeable(current, new Date())
      if (current.organisationId === null) {
        assertNotHome(await placeAuthor(trx, { kind: 'resident', userId }), input)
      }
      if (input.capacity !== null && input.capacity < current.goingCount) {
        throw new EventRefusal(
          'capacity_below_going',
          422,
          { going: current.goingCount },
          'capacity'
        )
      }
      const values = [
        input.title,
        input.description,
        input.category,
        input.placeLabel,
        input.longitude,
        input.latitude,
        input.startsAt,
        input.endsAt,
        input.capacity,
        input.scope,
        new Date(),
        eventId,
      ]
      await trx.rawQuery(
        `UPDATE events SET title = ?, description = ?, category = ?, place_label = ?,
                place_point = ST_SetSRID(ST_MakePoint(?, ?), 4326), starts_at = ?, ends_at = ?,
                capacity = ?, scope = ?, sequence = sequence + 1, updated_at = ?
          WHERE id = ?`,
        /** knex binds null as NULL; Lucid's binding types leave it out. */
        values as unknown as RawQueryBindings
      )
      return lockEvent(trx, eventId)
    })
    await tellParticipants(event, 'changed')
    return event
  }
}
