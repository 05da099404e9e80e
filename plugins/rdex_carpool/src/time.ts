/**
 * RDEX speaks in local dates and wall-clock times ("2026-03-02", "07:30:00")
 * of the platform's time zone; offers need instants. Plain Intl, no library.
 */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const
export type Weekday = (typeof WEEKDAYS)[number]

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/

/** Building an Intl formatter is slow; a plugin uses one or two zones. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function parts(instant: number, timeZone: string) {
  const values: Record<string, number> = {}
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value)
  }
  return values
}

/** Whether Intl knows the zone ('Europe/Paris'). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** The local calendar day of an instant: '2026-03-02'. */
export function localDay(date: Date, timeZone: string): string {
  const { year, month, day } = parts(date.getTime(), timeZone)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** 'YYYY-MM-DD' plus `days`. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10)
}

export function weekdayOf(day: string): Weekday {
  const [year, month, date] = day.split('-').map(Number)
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]
}

export function isDay(value: unknown): value is string {
  return (
    typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  )
}

/** The instant of a local wall-clock time; undefined when the inputs are not a day and a time. */
export function zonedInstant(day: string, time: string, timeZone: string): Date | undefined {
  const dayMatch = DAY.exec(day)
  const timeMatch = TIME.exec(time)
  if (!dayMatch || !timeMatch) return undefined
  const [hours, minutes, seconds] = [
    Number(timeMatch[1]),
    Number(timeMatch[2]),
    Number(timeMatch[3] ?? 0),
  ]
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined
  const wall = Date.UTC(
    Number(dayMatch[1]),
    Number(dayMatch[2]) - 1,
    Number(dayMatch[3]),
    hours,
    minutes,
    seconds
  )
  const offsetAt = (instant: number) => {
    const local = parts(instant, timeZone)
    return (
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) -
      instant
    )
  }
  /** Twice: the offset at the first guess may differ from the offset at the answer (DST changes). */
  let instant = wall - offsetAt(wall)
  instant = wall - offsetAt(instant)
  return new Date(instant)
}
