import { DateTime } from 'luxon'

/** The dashboard's calendar: weeks start on Monday, in Paris. */
export const ZONE = 'Europe/Paris'
export const WEEKS_SHOWN = 12

export interface WeekRange {
  /** The Mondays, oldest first, 'YYYY-MM-DD' (as the modules' weekly queries key them). */
  keys: string[]
  /** Monday 00:00 in Paris of the oldest week. */
  since: Date
}

/** The last `count` weeks, the current one included. */
export function lastWeeks(now: Date = new Date(), count = WEEKS_SHOWN): WeekRange {
  const thisMonday = DateTime.fromJSDate(now).setZone(ZONE).startOf('week')
  const mondays = Array.from({ length: count }, (_, index) =>
    thisMonday.minus({ weeks: count - 1 - index })
  )
  return { keys: mondays.map((monday) => monday.toISODate()!), since: mondays[0].toJSDate() }
}

/** A module's sparse weekly rows spread over every week of the range (0 where absent). */
export function fillWeeks(
  keys: string[],
  rows: { week: string; count: number }[]
): { week: string; count: number }[] {
  const byWeek = new Map(rows.map((row) => [row.week, row.count]))
  return keys.map((week) => ({ week, count: byWeek.get(week) ?? 0 }))
}
