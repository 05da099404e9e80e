import { DateTime } from 'luxon'
import { eventLimits } from '#modules/events/services/limits'

/**
 * iCalendar (RFC 5545) writing, by hand: the few properties calendar
 * apps need, times in Europe/Paris with its VTIMEZONE (so an event keeps
 * its local hour on either side of a daylight-saving change), lines
 * ended by CRLF and folded at 75 octets, TEXT values escaped.
 */

export interface IcsEvent {
  /** Stable across edits: calendar apps update the event they know by it. */
  uid: string
  /** Bumped on each edit and on cancellation. */
  sequence: number
  title: string
  description: string
  location: string
  latitude: number
  longitude: number
  startsAt: Date
  endsAt: Date
  createdAt: Date
  updatedAt: Date
  cancelled: boolean
  url: string
}

const CRLF = '\r\n'
const LIMIT = 75
const ZONE = eventLimits.timeZone

/** The Europe/Paris rules in force since 1996 (last Sundays of March and October). */
const PARIS_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break
 * written `\n`; other control characters (not allowed in TEXT) dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((char) => !isControl(char))
    .join('')
}

/** Control characters other than tab (line breaks are escaped before). */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0)
  return (code < 0x20 && code !== 0x09) || code === 0x7f
}

/**
 * Folds one content line into lines of at most 75 octets (CRLF not
 * counted), each continuation starting with one space, never cutting a
 * UTF-8 character in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    if (octets + size > LIMIT) {
      parts.push(current)
      current = ` ${char}`
      octets = 1 + size
    } else {
      current += char
      octets += size
    }
  }
  parts.push(current)
  return parts.join(CRLF)
}

/** A UTC moment: 20261206T130000Z. */
function utc(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")
}

/** A Paris wall-clock time, for a TZID=Europe/Paris property: 20261206T140000. */
function paris(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: ZONE }).toFormat("yyyyMMdd'T'HHmmss")
}

function eventLines(event: IcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(stamp)}`,
    `CREATED:${utc(event.createdAt)}`,
    `LAST-MODIFIED:${utc(event.updatedAt)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=${ZONE}:${paris(event.startsAt)}`,
    `DTEND;TZID=${ZONE}:${paris(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ]
  if (event.description.trim() !== '') {
    lines.push(`DESCRIPTION:${escapeText(event.description)}`)
  }
  lines.push(
    `LOCATION:${escapeText(event.location)}`,
    `GEO:${event.latitude.toFixed(6)};${event.longitude.toFixed(6)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT'
  )
  return lines
}

/**
 * A whole calendar (one event's file, or a neighbourhood's feed): the
 * string to send as text/calendar. `stamp` is when it is written.
 */
export function calendarText(events: IcsEvent[], options: { name: string; stamp?: Date }): string {
  const stamp = options.stamp ?? new Date()
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quartier//Events//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${ZONE}`,
    ...PARIS_TIMEZONE,
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
