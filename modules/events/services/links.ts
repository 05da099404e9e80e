/** Where an event's page is (mails, feed cards, redirects). */
export function eventPath(id: number): string {
  return `/events/${id}`
}

/** The event's own iCalendar file. */
export function eventIcsPath(id: number): string {
  return `/events/${id}.ics`
}
