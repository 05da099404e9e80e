/*
| Reads iCalendar text with a real parser (ical.js), the way calendar
| apps would: the file's own VTIMEZONE decides what its local times mean.
*/
import ICAL from 'ical.js'

export interface ParsedEvent {
  uid: string
  sequence: number
  summary: string
  description: string | null
  location: string | null
  status: string | null
  start: Date
  end: Date
  startZone: string
}

export function parseCalendar(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const zones = new Map<string, ICAL.Timezone>()
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone)
    zones.set(zone.tzid, zone)
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    const moment = (name: 'dtstart' | 'dtend') => {
      const property = vevent.getFirstProperty(name)!
      const time = property.getFirstValue() as ICAL.Time
      const tzid = property.getParameter('tzid') as string | undefined
      if (tzid) time.zone = zones.get(tzid)!
      return { date: time.toJSDate(), zone: tzid ?? 'UTC' }
    }
    const start = moment('dtstart')
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ?? null,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      start: start.date,
      end: moment('dtend').date,
      startZone: start.zone,
    }
  })
  return { name: (calendar.getFirstPropertyValue('x-wr-calname') as string | null) ?? null, events }
}
