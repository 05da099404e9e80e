import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'
import { leaveEvents } from '#modules/events/services/departure'

/**
 * Events the resident announced and their RSVPs. Erasure cancels their
 * events still to come (services/departure.ts), keeps the rest ("former
 * resident"), forgets the author's street, deletes the RSVPs (freeing
 * their seats) and the private calendar key.
 */
export const eventsPersonalData: PersonalDataSection = {
  name: 'events',

  async export(userId: number) {
    const announced = await db
      .from('events')
      .where('author_id', userId)
      .orderBy('id')
      .select(
        'title',
        'description',
        'category',
        'place_label',
        'starts_at',
        'status',
        'created_at'
      )
    const rsvps = await db
      .from('event_rsvps as r')
      .join('events as e', 'e.id', 'r.event_id')
      .where('r.user_id', userId)
      .orderBy('r.id')
      .select('e.title as event', 'e.starts_at', 'r.answer', 'r.created_at')
    return { announced, rsvps }
  },

  async erase(userId: number, trx) {
    await leaveEvents(userId, trx)
    await trx.from('event_calendar_keys').where('user_id', userId).delete()
    await trx.from('events').where('author_id', userId).update({ author_street: null })
  },
}
