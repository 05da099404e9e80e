import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { EventRecord } from '#modules/events/queries/event_rows'
import { cancelLockedEvent } from '#modules/events/services/cancellation'
import { tellParticipants } from '#modules/events/services/notify'

/**
 * A resident leaves Quartier (account erasure), inside the erasure's
 * transaction, so that nobody comes to an event nobody runs:
 *
 * 1. Their own events still to come or under way are cancelled as the
 *    author's cancel does, with no reason stored: pages and mails say
 *    "the organiser left Quartier" in each reader's language. Events
 *    posted for an organisation are the organisation's, not theirs:
 *    they stay. Events already over stay as they were (history).
 * 2. Their answers go, and a place they held on an event is freed.
 *
 * After the commit, everyone who answered going or maybe is told.
 */
export async function leaveEvents(userId: number, trx: TransactionClientContract): Promise<void> {
  /** Locked in id order, as every RSVP and edit takes an event's lock. */
  const { rows } = await trx.rawQuery(
    `SELECT id FROM events
      WHERE author_id = ? AND organisation_id IS NULL AND status = 'scheduled' AND ends_at > ?
      ORDER BY id FOR UPDATE`,
    [userId, new Date()]
  )
  const cancelled: EventRecord[] = []
  for (const row of rows) cancelled.push(await cancelLockedEvent(trx, Number(row.id), null))

  await trx.rawQuery(
    `UPDATE events e SET going_count = e.going_count - 1
       FROM event_rsvps r
      WHERE r.event_id = e.id AND r.user_id = ? AND r.answer = 'going'`,
    [userId]
  )
  await trx.from('event_rsvps').where('user_id', userId).delete()

  trx.after('commit', async () => {
    for (const event of cancelled) await tellParticipants(event, 'cancelled_organiser_left')
  })
}
