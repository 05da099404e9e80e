/**
 * Public API of the events module (other modules import only this).
 * The organisations module will post its events through createEvent()
 * with an `organisation` author, after checking its own membership and
 * verification; events never read organisation tables.
 */
import CreateEvent from '#modules/events/actions/create_event'
import type { EventAuthor } from '#modules/events/services/author'
import type { EventInput } from '#modules/events/services/event_form'

export type { EventAuthor, EventInput }
export {
  CATEGORIES,
  ANSWERS,
  type EventCategory,
  type RsvpAnswer,
} from '#modules/events/services/settings'
export { eventPath, eventIcsPath } from '#modules/events/services/links'
export { SOURCE_NAME as EVENTS_FEED_SOURCE } from '#modules/events/services/feed_source'

/** Posts an event (checked input, see readEventForm) and gives its id. */
export function createEvent(author: EventAuthor, input: EventInput): Promise<number> {
  return new CreateEvent().execute(author, input)
}
