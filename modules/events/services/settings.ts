/** The vocabulary of events. */
export const CATEGORIES = [
  'festive',
  'culture',
  'sport',
  'workshop',
  'meeting',
  'market',
  /** Not 'other': the feed's category filter would mix it with the exchanges' one. */
  'other_event',
] as const
export type EventCategory = (typeof CATEGORIES)[number]

/** An RSVP: only `going` counts against the capacity. */
export const ANSWERS = ['going', 'maybe', 'no'] as const
export type RsvpAnswer = (typeof ANSWERS)[number]

export const STATUSES = ['scheduled', 'cancelled'] as const
export type EventStatus = (typeof STATUSES)[number]

/** The one feed kind events show under. */
export const KIND = 'event'
