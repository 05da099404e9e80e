import { DateTime } from 'luxon'
import { alertSettings } from '#modules/alerts/services/settings'

/**
 * Quiet hours and daily SMS caps follow a French clock, whatever the
 * server's zone: minutes after midnight and calendar days in Europe/Paris.
 */
const zone = alertSettings.timeZone

/** Minutes after midnight, Paris time, of a moment. */
export function parisMinuteOfDay(moment: Date): number {
  const local = DateTime.fromJSDate(moment, { zone })
  return local.hour * 60 + local.minute
}

/** The Paris midnight that started the day of `moment`. */
export function startOfParisDay(moment: Date): Date {
  return DateTime.fromJSDate(moment, { zone }).startOf('day').toJSDate()
}

/** 'HH:mm' -> minutes after midnight; null when it is not a time of day. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** Minutes after midnight -> 'HH:mm'. */
export function timeOf(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Whether a minute of the day falls in quiet hours [start, end): a span
 * that ends before it starts runs over midnight (22:00 -> 07:00).
 */
export function inQuietHours(minute: number, start: number | null, end: number | null): boolean {
  if (start === null || end === null || start === end) return false
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}
