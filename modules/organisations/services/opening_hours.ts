import { DateTime } from 'luxon'
import { organisationSettings } from '#modules/organisations/services/settings'

/** ISO weekday (1 = Monday) -> ranges ["09:00", "12:30"], in Paris time. */
export type OpeningHours = Record<string, [string, string][]>
export interface Closure {
  from: string
  until: string
}

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const

const RANGE = /^([01]?\d|2[0-3])[:h]([0-5]\d)\s*[-–à]\s*([01]?\d|2[0-4])[:h]([0-5]\d)$/

/**
 * One weekday's hours as typed: "9:00-12:30, 14h00-19h00" (commas or
 * semicolons between ranges); empty means closed. Null when a range
 * cannot be read, is empty or backwards, or ranges overlap.
 */
export function parseDayHours(input: string): [string, string][] | null {
  const text = input.trim()
  if (text === '') return []
  const ranges: [string, string][] = []
  for (const part of text.split(/[,;]/)) {
    const match = part.trim().match(RANGE)
    if (!match) return null
    const from = `${match[1].padStart(2, '0')}:${match[2]}`
    const until = `${match[3].padStart(2, '0')}:${match[4]}`
    if (until <= from || until > '24:00') return null
    ranges.push([from, until])
  }
  if (ranges.length > organisationSettings.rangesPerDay) return null
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : 1))
  for (let i = 1; i < ranges.length; i++) if (ranges[i][0] < ranges[i - 1][1]) return null
  return ranges
}

/** "09:00-12:30, 14:00-19:00", as the form shows it again. */
export function formatDayHours(ranges: [string, string][] | undefined): string {
  return (ranges ?? []).map(([from, until]) => `${from}-${until}`).join(', ')
}

/** Whether the shop is closed that Paris day by an exceptional closure. */
export function closedOn(day: string, closures: Closure[]): boolean {
  return closures.some((closure) => closure.from <= day && day <= closure.until)
}

/**
 * Open at `now` (Paris time): inside one of today's ranges and not on an
 * exceptional closure. Nothing entered at all: unknown (null).
 */
export function openNow(
  hours: OpeningHours,
  closures: Closure[],
  now: Date = new Date()
): boolean | null {
  if (WEEKDAYS.every((day) => (hours[day] ?? []).length === 0)) return null
  const paris = DateTime.fromJSDate(now, { zone: organisationSettings.timeZone })
  if (closedOn(paris.toISODate()!, closures)) return false
  const time = paris.toFormat('HH:mm')
  return (hours[String(paris.weekday)] ?? []).some(([from, until]) => from <= time && time < until)
}

/** Closures still to come or under way (past ones are of no use to residents). */
export function currentClosures(closures: Closure[], now: Date = new Date()): Closure[] {
  const today = DateTime.fromJSDate(now, { zone: organisationSettings.timeZone }).toISODate()!
  return closures.filter((closure) => closure.until >= today)
}
