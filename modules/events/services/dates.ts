import { DateTime } from 'luxon'
import { eventLimits } from '#modules/events/services/limits'

const zone = eventLimits.timeZone

function english(locale: string): boolean {
  return locale.startsWith('en')
}

/** A Paris hour as people say it: "14 h", "14 h 30" in French; "2 pm", "2:30 pm" in English. */
export function clockText(moment: Date, locale: string): string {
  const local = DateTime.fromJSDate(moment, { zone })
  if (english(locale)) {
    const hour = local.hour % 12 === 0 ? 12 : local.hour % 12
    const suffix = local.hour < 12 ? 'am' : 'pm'
    return local.minute === 0
      ? `${hour} ${suffix}`
      : `${hour}:${String(local.minute).padStart(2, '0')} ${suffix}`
  }
  return local.minute === 0
    ? `${local.hour} h`
    : `${local.hour} h ${String(local.minute).padStart(2, '0')}`
}

/** A short Paris day: "sam. 6 déc." / "Sat 6 Dec". */
export function shortDay(moment: Date, locale: string): string {
  return new Intl.DateTimeFormat(english(locale) ? 'en-GB' : 'fr-FR', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(moment)
}

/** A full Paris day: "samedi 6 décembre 2026" / "Saturday 6 December 2026". */
export function longDay(moment: Date, locale: string): string {
  return new Intl.DateTimeFormat(english(locale) ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(moment)
}

/** The feed badge: "sam. 6 déc., 14 h" / "Sat 6 Dec, 2 pm". */
export function badgeDate(moment: Date, locale: string): string {
  return `${shortDay(moment, locale)}, ${clockText(moment, locale)}`
}

/** Whether two moments fall on the same Paris day. */
export function sameParisDay(a: Date, b: Date): boolean {
  return (
    DateTime.fromJSDate(a, { zone }).toISODate() === DateTime.fromJSDate(b, { zone }).toISODate()
  )
}

/**
 * When an event happens, as a sentence's values: one day ("samedi 6
 * décembre 2026", "14 h", "18 h") or two ("sam. 6 déc., 14 h", "dim. 7
 * déc., 12 h"). The caller picks the sentence (events.when.*).
 */
export function whenValues(
  startsAt: Date,
  endsAt: Date,
  locale: string
): { key: 'events.when.same_day' | 'events.when.days'; values: Record<string, string> } {
  if (sameParisDay(startsAt, endsAt)) {
    return {
      key: 'events.when.same_day',
      values: {
        day: longDay(startsAt, locale),
        from: clockText(startsAt, locale),
        until: clockText(endsAt, locale),
      },
    }
  }
  return {
    key: 'events.when.days',
    values: { from: badgeDate(startsAt, locale), until: badgeDate(endsAt, locale) },
  }
}
