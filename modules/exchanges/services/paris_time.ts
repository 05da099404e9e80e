import { DateTime } from 'luxon'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * Residents give dates and times as they read them on a French clock:
 * everything typed is read in Europe/Paris, whatever the server's zone.
 */
const zone = exchangeSettings.timeZone

/** Today's date in Paris, 'YYYY-MM-DD'. */
export function parisToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!
}

/** A day shifted by `days`, 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone }).plus({ days }).toISODate()!
}

/** The moment a Paris date and time ('HH:mm') designate; null when it does not exist. */
export function parisMoment(day: string, time: string): Date | null {
  const moment = DateTime.fromISO(`${day}T${time}`, { zone })
  return moment.isValid ? moment.toJSDate() : null
}

/** The end of a Paris day (the next midnight). */
export function endOfParisDay(day: string): Date {
  return DateTime.fromISO(day, { zone }).plus({ days: 1 }).startOf('day').toJSDate()
}

/** ISO day of the week (1 = Monday) of a Paris date. */
export function isoWeekday(day: string): number {
  return DateTime.fromISO(day, { zone }).weekday
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone }).isValid
}

/** Whether a string is a time of day 'HH:mm' (seconds tolerated, as some browsers send them). */
export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value)
}

/** A moment as a Paris date and time, for forms. */
export function parisParts(moment: Date): { day: string; time: string } {
  const local = DateTime.fromJSDate(moment, { zone })
  return { day: local.toISODate()!, time: local.toFormat('HH:mm') }
}
