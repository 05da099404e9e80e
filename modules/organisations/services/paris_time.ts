import { DateTime } from 'luxon'
import { organisationSettings } from '#modules/organisations/services/settings'

const zone = organisationSettings.timeZone

/** Today's date in Paris, 'YYYY-MM-DD'. */
export function parisToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone }).isValid
}

/** The first moment of the Paris calendar month holding `now`. */
export function parisMonthStart(now: Date = new Date()): Date {
  return DateTime.fromJSDate(now, { zone }).startOf('month').toJSDate()
}

/** The first moment of the next Paris month (when the cap resets). */
export function nextParisMonthStart(now: Date = new Date()): Date {
  return DateTime.fromJSDate(now, { zone }).startOf('month').plus({ months: 1 }).toJSDate()
}

/** The end of a Paris day (pinned "until this date" includes the day). */
export function endOfParisDay(day: string): Date {
  return DateTime.fromISO(day, { zone }).endOf('day').toJSDate()
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone }).plus({ days }).toISODate()!
}

export function formatDay(day: string | Date, locale: string): string {
  const date = typeof day === 'string' ? DateTime.fromISO(day, { zone }).toJSDate() : day
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date)
}
