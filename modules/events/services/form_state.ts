import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { SCOPES, residentHome } from '#modules/neighbourhoods/index'
import type { EventRecord } from '#modules/events/queries/event_rows'
import { eventLimits } from '#modules/events/services/limits'
import { addDays, parisParts, parisToday } from '#modules/events/services/paris_time'
import { CATEGORIES } from '#modules/events/services/settings'

export const FORM_VIEW = 'events::pages/form'

export type FormValues = Record<string, string | number | null>

/** A new event: in a week, 14 h to 17 h, for the neighbourhood. */
export function defaultValues(now: Date = new Date()): FormValues {
  const day = addDays(parisToday(now), 7)
  return {
    category: 'festive',
    scope: 'neighbourhood',
    starts_date: day,
    starts_time: '14:00',
    ends_date: day,
    ends_time: '17:00',
  }
}

/** The form filled with the event being edited. */
export function valuesOf(event: EventRecord): FormValues {
  const start = parisParts(event.startsAt)
  const end = parisParts(event.endsAt)
  return {
    title: event.title,
    description: event.description,
    category: event.category,
    place_label: event.placeLabel,
    place_latitude: event.latitude,
    place_longitude: event.longitude,
    starts_date: start.day,
    starts_time: start.time,
    ends_date: end.day,
    ends_time: end.time,
    capacity: event.capacity,
    scope: event.scope,
  }
}

/**
 * Where the map starts: around the resident's home, rounded to about a
 * kilometre so that their home point is never written into the page.
 */
async function mapCenter(userId: number): Promise<string> {
  const home = await residentHome(userId)
  if (!home) return '48.8566,2.3522'
  return `${home.latitude.toFixed(2)},${home.longitude.toFixed(2)}`
}

/** Everything the form page needs besides the values. */
export async function formState(
  ctx: HttpContext,
  options: {
    values: FormValues
    event?: EventRecord | null
    /** An organisation's form: its own route, its map centre, its name. */
    action?: string
    mapCenter?: string
    postedAs?: string
  }
) {
  const t = (key: string) => ctx.i18n.t(key)
  return {
    values: options.values,
    event: options.event ?? null,
    action: options.action ?? (options.event ? `/events/${options.event.id}` : '/events'),
    postedAs: options.postedAs ?? null,
    categories: CATEGORIES.map((value) => ({ value, label: t(`events.categories.${value}`) })),
    scopes: SCOPES.map((value) => ({
      value,
      label: t(`events.scopes.${value}`),
      hint: t(`events.scope_hints.${value}`),
    })),
    map: neighbourhoodsConfig.map,
    mapCenter: options.mapCenter ?? (await mapCenter(Number(ctx.auth.getUserOrFail().id))),
    limits: eventLimits,
  }
}
