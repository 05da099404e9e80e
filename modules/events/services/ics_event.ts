import { appUrl } from '#config/app'
import type { EventRecord } from '#modules/events/queries/event_rows'
import type { IcsEvent } from '#modules/events/services/ics'
import { eventPath } from '#modules/events/services/links'

/** The event's UID: one per event for good, whatever is edited. */
export function eventUid(id: number): string {
  return `event-${id}@${new URL(appUrl).hostname}`
}

/** An event as a calendar entry (what its page shows; no address but the place's). */
export function toIcsEvent(event: EventRecord): IcsEvent {
  return {
    uid: eventUid(event.id),
    sequence: event.sequence,
    title: event.title,
    description: event.description,
    location: event.placeLabel,
    latitude: event.latitude,
    longitude: event.longitude,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    cancelled: event.status === 'cancelled',
    url: new URL(eventPath(event.id), appUrl).href,
  }
}
