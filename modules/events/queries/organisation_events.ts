import db from '@adonisjs/lucid/services/db'
import { mayView } from '#modules/events/queries/event_access'
import { EVENT_COLUMNS, toEvent, type EventRecord } from '#modules/events/queries/event_rows'

/**
 * An organisation's scheduled events that have not ended, soonest first,
 * those this viewer may see only (the same rule as each event's page).
 */
export async function upcomingEventsOfOrganisation(
  organisationId: number,
  viewerId: number,
  limit = 10
): Promise<EventRecord[]> {
  const { rows } = await db.rawQuery(
    `SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.organisation_id = ? AND e.status = 'scheduled' AND e.ends_at > now()
        AND e.hidden_at IS NULL
      ORDER BY e.starts_at, e.id LIMIT ?`,
    [organisationId, limit * 3]
  )
  const visible: EventRecord[] = []
  for (const event of rows.map(toEvent)) {
    if (visible.length >= limit) break
    if (await mayView(event, viewerId)) visible.push(event)
  }
  return visible
}
