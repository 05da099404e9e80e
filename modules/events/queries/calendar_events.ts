import db from '@adonisjs/lucid/services/db'
import { feedViewerFor, visibilityClause } from '#modules/feed/index'
import { EVENT_COLUMNS, toEvent, type EventRecord } from '#modules/events/queries/event_rows'

/** A calendar holds at most this many events (the soonest). */
const MAX_EVENTS = 500

/**
 * The events a resident may see that have not ended yet, soonest first:
 * the same scope rule as the feed (visibilityClause). Cancelled ones stay
 * until their end, marked CANCELLED, so that subscribed calendars drop
 * them.
 */
export async function upcomingVisibleEvents(
  userId: number,
  options: { includeCancelled?: boolean; limit?: number } = {}
): Promise<EventRecord[]> {
  const viewer = await feedViewerFor(userId, 'fr')
  const visible = visibilityClause(viewer, {
    neighbourhoodId: 'e.neighbourhood_id',
    townId: 'e.town_id',
    scope: 'e.scope',
  })
  const status = options.includeCancelled ? 'true' : "e.status = 'scheduled'"
  const { rows } = await db.rawQuery(
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE ${visible.sql} AND ${status} AND e.ends_at > now() AND e.hidden_at IS NULL
      ORDER BY e.starts_at, e.id LIMIT ?`,
    [...visible.bindings, options.limit ?? MAX_EVENTS]
  )
  return rows.map(toEvent)
}
