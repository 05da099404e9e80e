import formatters from '@poppinss/intl-formatter'
import { exchangeSettings } from '#modules/exchanges/services/settings'

const zone = exchangeSettings.timeZone

function intlLocale(locale: string) {
  return locale === 'en' ? 'en-GB' : 'fr-FR'
}

/** "lun., mer., ven." / "Mon, Wed, Fri": short day names, Monday first. */
export function weekdayNames(days: number[], locale: string): string {
  const format = formatters.date(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' })
  /** 2024-01-01 was a Monday: day n is n - 1 days later. */
  return [...days]
    .sort()
    .map((day) => format.format(new Date(Date.UTC(2024, 0, day))))
    .join(', ')
}

/** "sam. 12 déc., 08:30" in Paris time. */
export function departureText(moment: Date, locale: string): string {
  return formatters
    .date(intlLocale(locale), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    })
    .format(moment)
}

/** A calendar date 'YYYY-MM-DD' as "12 décembre 2026". */
export function dayText(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return formatters
    .date(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    .format(new Date(Date.UTC(year, month - 1, date)))
}

/** A stored time '08:30:00' as '08:30'. */
export function timeText(time: string | null): string {
  return time ? time.slice(0, 5) : ''
}

/** When a ride leaves, as text pieces the page puts in a sentence. */
export interface RideWhen {
  /** A one-off ride: "samedi 12 décembre 2026 à 08:30". */
  departs: string | null
  /** A weekly ride: its days, time and last day. */
  days: string | null
  time: string | null
  until: string | null
}

export function rideWhen(
  ride: {
    departsAt: Date | null
    weekdays: number[] | null
    departureTime: string | null
    recursUntil: string | null
  },
  locale: string
): RideWhen {
  if (ride.departsAt) {
    const departs = formatters
      .date(intlLocale(locale), {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: zone,
      })
      .format(ride.departsAt)
    return { departs, days: null, time: null, until: null }
  }
  return {
    departs: null,
    days: weekdayNames(ride.weekdays ?? [], locale),
    time: timeText(ride.departureTime),
    until: ride.recursUntil ? dayText(ride.recursUntil, locale) : null,
  }
}
