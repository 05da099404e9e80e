import formatters from '@poppinss/intl-formatter'

/**
 * "il y a 2 h", "hier", "3 mai": how long ago an item was published, in
 * the page's language. Whole units, counted down (a post of 90 minutes
 * ago is "1 h" ago, never "2 h"); a week or more shows the date instead.
 * Intl formatters come memoised from @poppinss/intl-formatter (building
 * one per card was a visible cost of the feed page).
 */
type Unit = 'minute' | 'hour' | 'day'

export type RelativeDate =
  { kind: 'now' } | { kind: 'ago'; value: number; unit: Unit } | { kind: 'date' }

const TIME_ZONE = 'Europe/Paris'
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function relativeDate(date: Date, now: Date): RelativeDate {
  /** A clock a little ahead on the author's side is still "just now". */
  const elapsed = Math.max(0, now.getTime() - date.getTime())
  if (elapsed < MINUTE) return { kind: 'now' }
  if (elapsed < HOUR) return { kind: 'ago', value: Math.floor(elapsed / MINUTE), unit: 'minute' }
  if (elapsed < DAY) return { kind: 'ago', value: Math.floor(elapsed / HOUR), unit: 'hour' }
  if (elapsed < 7 * DAY) return { kind: 'ago', value: Math.floor(elapsed / DAY), unit: 'day' }
  return { kind: 'date' }
}

/** The label of relativeDate() in a locale (Intl, short style: "il y a 2 h", "2 hr. ago"). */
export function relativeDateLabel(date: Date, now: Date, locale: string, justNow: string): string {
  const relative = relativeDate(date, now)
  if (relative.kind === 'now') return justNow
  if (relative.kind === 'ago') {
    return formatters
      .relative(locale, { numeric: 'auto', style: 'short' })
      .format(-relative.value, relative.unit)
  }
  /** Residents live in France: dates as the calendar on their wall shows them. */
  const year = formatters.date('en', { year: 'numeric', timeZone: TIME_ZONE })
  const sameYear = year.format(date) === year.format(now)
  return formatters
    .date(locale, {
      day: 'numeric',
      month: 'long',
      year: sameYear ? undefined : 'numeric',
      timeZone: TIME_ZONE,
    })
    .format(date)
}
