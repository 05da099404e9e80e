import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { mapCenterNear } from '#modules/exchanges/services/map_center'
import { residentHome, SCOPES } from '#modules/neighbourhoods/index'
import type Exchange from '#modules/exchanges/models/exchange'
import type { RideDetails } from '#modules/exchanges/queries/ride_details'
import { priceInput } from '#modules/exchanges/services/money'
import { parisParts, parisToday } from '#modules/exchanges/services/paris_time'
import {
  CATEGORIES,
  DIRECTIONS,
  WEEKDAYS,
  exchangeSettings,
  type Direction,
  type Kind,
} from '#modules/exchanges/services/settings'
import { weekdayNames } from '#modules/exchanges/services/ride_text'

export const FORM_VIEW = 'exchanges::pages/form'

export type FormValues = Record<string, string | number | number[] | null>

/** What a new exchange's form starts with: rides are town-wide, the rest neighbourhood. */
export function defaultValues(kind: Kind, direction: Direction): FormValues {
  return {
    kind,
    direction,
    scope: kind === 'ride' ? 'town' : 'neighbourhood',
    category: kind === 'ride' ? null : 'other',
    schedule: 'once',
    seats: 3,
    detour_km: 2,
    weekdays: [],
  }
}

/** The form filled with an exchange being edited. */
export function valuesOf(exchange: Exchange, ride: RideDetails | null, locale: string): FormValues {
  const values: FormValues = {
    kind: exchange.kind,
    direction: exchange.direction,
    title: exchange.title,
    description: exchange.description,
    category: exchange.category,
    price: priceInput(exchange.priceCents, locale),
    available_from: exchange.availableFrom,
    available_until: exchange.availableUntil,
    scope: exchange.scope,
  }
  if (ride) {
    const departure = ride.departsAt ? parisParts(ride.departsAt) : null
    Object.assign(values, {
      from_label: ride.fromLabel,
      from_latitude: ride.from.latitude,
      from_longitude: ride.from.longitude,
      to_label: ride.toLabel,
      to_latitude: ride.to.latitude,
      to_longitude: ride.to.longitude,
      schedule: ride.departsAt ? 'once' : 'weekly',
      departure_date: departure?.day ?? null,
      departure_time: departure?.time ?? ride.departureTime,
      weekdays: ride.weekdays ?? [],
      recurs_until: ride.recursUntil,
      seats: ride.seatsOffered,
      detour_km: ride.detourKm,
    })
  }
  return values
}

/**
 * Everything the form page needs besides the values: the choices with
 * their labels, the limits it states, and where the ride maps start (the
 * resident's own home: their page only).
 */
export async function formState(
  ctx: HttpContext,
  options: {
    kind: Kind
    direction: Direction
    values: FormValues
    exchange?: Exchange | null
    photos?: { id: number; url: string }[]
  }
) {
  const t = (key: string) => ctx.i18n.t(key)
  const userId = Number(ctx.auth.getUserOrFail().id)
  const home = options.kind === 'ride' ? await residentHome(userId) : null
  const locale = ctx.i18n.locale
  return {
    kind: options.kind,
    direction: options.direction,
    values: options.values,
    exchange: options.exchange ?? null,
    photos: options.photos ?? [],
    action: options.exchange ? `/exchanges/${options.exchange.id}` : '/exchanges',
    directions: DIRECTIONS.map((value) => ({
      value,
      label: t(`exchanges.form.direction_${options.kind}.${value}`),
    })),
    categories: CATEGORIES.map((value) => ({ value, label: t(`exchanges.categories.${value}`) })),
    scopes: SCOPES.map((value) => ({
      value,
      label: t(`exchanges.scopes.${value}`),
      hint: t(`exchanges.scope_hints.${value}`),
    })),
    weekdays: WEEKDAYS.map((value) => ({ value, label: weekdayNames([value], locale) })),
    settings: exchangeSettings,
    today: parisToday(),
    map: neighbourhoodsConfig.map,
    mapCenter: mapCenterNear(home),
  }
}
