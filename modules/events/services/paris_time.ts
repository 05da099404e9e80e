import { DateTime } from 'luxon'
import { eventLimits } from '#modules/events/services/limits'

/**
 * Residents give dates and times as they read them on a French clock:
 * everything typed is read in Europe/Paris, whatever the server's zone.
 */
const zone = eventLimits.timeZone

/** Today's date in Paris, 'YYYY-MM-DD'. */
export function parisToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!
}

/** A day shifted by `days`, 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone }).plus({ days }).toISODate()!
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone }).isValid
}

/**
 * The moment a Paris date and time ('HH:mm') designate; null when it does
 * not exist (a bad date, or the hour skipped when clocks go forward).
 */
export function parisMoment(day: string, time: string): Date | null {
  const moment = DateTime.fromISO(`${day}T${time}`, { zone })
  if (!moment.isValid) return null
  /** Luxon moves a skipped local time forward: that is not what was typed. */
  if (moment.toFormat('yyyy-MM-dd HH:mm') !== `${day} ${time.slice(0, 5)}`) return null
  return moment.toJSDate()
}

/** A moment as a Paris date and time, for forms. */
export function parisParts(moment: Date): { day: string; time: string } {
  const local = DateTime.fromJSDate(moment, { zone })
  return { day: local.toISODate()!, time: local.toFormat('HH:mm') }
}
