/**
 * Refusals about events. Controllers translate `reason` (a key under
 * events.errors, with `values`) and answer with `status`: 409 for what
 * the event's state does not allow, 403 for someone who may not do it,
 * 422 for an input the form could not check alone.
 */
export type RefusalReason =
  /** State (409). */
  | 'cancelled'
  | 'ended'
  | 'no_rsvp'
  /** People (403). */
  | 'not_author'
  /** Input (422). */
  | 'not_placed'
  | 'full'
  | 'capacity_below_going'
  | 'home_place'

export class EventRefusal extends Error {
  constructor(
    public reason: RefusalReason,
    public status: 403 | 409 | 422 = 409,
    public values: Record<string, string | number> = {},
    /** A form field the message belongs beside, if any. */
    public field?: string
  ) {
    super(`event refused: ${reason}`)
  }
}

/** Unknown, or not visible to this resident: a 404, so nothing leaks. */
export class EventNotFoundError extends Error {}
