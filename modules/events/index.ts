/**
 * Public API of the events module (other modules import only this).
 * The organisations module will post its events through createEvent()
 * with an `organisation` author, after checking its own membership and
 * verification; events never read organisation tables.
 */
import type { HttpContext } from '@adonisjs/core/http'
import CreateEvent from '#modules/events/actions/create_event'
import { FORM_VIEW, defaultValues, formState } from '#modules/events/services/form_state'
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

export { readEventForm } from '#modules/events/services/event_form'
export { eventRefusal } from '#modules/events/services/refusals'
export {
  registerOrganisationDirectory,
  type OrganisationDirectory,
} from '#modules/events/services/organisation_directory'
export { upcomingEventsOfOrganisation } from '#modules/events/queries/organisation_events'
export { badgeDate } from '#modules/events/services/dates'

/**
 * The event form, posting to `action` (an organisation's own route), the
 * map centred on `mapCenter` ("lat,lon"), saying whose name it goes out under.
 */
export async function eventFormPage(
  ctx: HttpContext,
  options: { action: string; mapCenter: string; postedAs: string }
) {
  return {
    view: FORM_VIEW,
    state: await formState(ctx, { values: defaultValues(), ...options }),
  }
}

/** Posts an event (checked input, see readEventForm) and gives its id. */
export function createEvent(author: EventAuthor, input: EventInput): Promise<number> {
  return new CreateEvent().execute(author, input)
}
