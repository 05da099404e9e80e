import db from '@adonisjs/lucid/services/db'
import { maySee, residentHome } from '#modules/neighbourhoods/index'
import { hiddenContentViewer } from '#modules/moderation/index'
import { trustLevelOf } from '#modules/verification/index'
import { findEvent, type EventRecord } from '#modules/events/queries/event_rows'
import { EventNotFoundError, EventRefusal } from '#modules/events/services/errors'

/**
 * Whether a resident may see an event: its author always; someone who
 * answered it even if they moved since; otherwise the scope rule
 * (maySee), unverified residents reading their own neighbourhood only,
 * as everywhere on Quartier.
 */
export async function mayView(event: EventRecord, viewerId: number): Promise<boolean> {
  /** Hidden by moderation: only its author and its moderators still see it. */
  if (event.hiddenAt) {
    const viewer = await hiddenContentViewer(viewerId, event)
    if (viewer === null) return false
    if (viewer === 'moderator') return true
  }
  if (event.authorId === viewerId) return true
  if (await answered(event.id, viewerId)) return true
  const visible = await maySee(viewerId, {
    neighbourhoodId: event.neighbourhoodId,
    scope: event.scope,
  })
  if (!visible) return false
  const home = await residentHome(viewerId)
  return trustLevelOf(home) === 'verified' || home?.neighbourhoodId === event.neighbourhoodId
}

async function answered(eventId: number, userId: number): Promise<boolean> {
  const row = await db
    .from('event_rsvps')
    .where({ event_id: eventId, user_id: userId })
    .select('id')
    .first()
  return Boolean(row)
}

/** The event if the resident may see it; EventNotFoundError (a 404) otherwise. */
export async function visibleEvent(eventId: number, viewerId: number): Promise<EventRecord> {
  const event = await findEvent(eventId)
  if (!event || !(await mayView(event, viewerId))) throw new EventNotFoundError()
  return event
}

/**
 * The event, for what only its author does (edit, cancel). Someone else
 * who can see it is told it is not theirs (403); anyone else gets a 404.
 */
export async function authoredEvent(eventId: number, userId: number): Promise<EventRecord> {
  const event = await findEvent(eventId)
  if (!event) throw new EventNotFoundError()
  if (event.authorId === userId) return event
  if (await mayView(event, userId)) throw new EventRefusal('not_author', 403)
  throw new EventNotFoundError()
}
