import { errors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { Scope } from '#modules/neighbourhoods/index'
import { parsePrice } from '#modules/exchanges/services/money'
import { addDays, isDay, parisMoment, parisToday } from '#modules/exchanges/services/paris_time'
import {
  exchangeSettings,
  type Category,
  type Direction,
  type Kind,
} from '#modules/exchanges/services/settings'
import {
  exchangeFieldsValidator,
  rideFieldsValidator,
} from '#modules/exchanges/validators/exchange_validators'

export interface RideInput {
  fromLabel: string
  from: { latitude: number; longitude: number }
  toLabel: string
  to: { latitude: number; longitude: number }
  /** A one-off ride; null when weekly. */
  departsAt: Date | null
  /** A weekly ride: ISO days, Paris time 'HH:mm', last day. */
  weekdays: number[] | null
  departureTime: string | null
  recursUntil: string | null
  seats: number
  detourKm: number
}

export interface ExchangeInput {
  direction: Direction
  kind: Kind
  title: string
  description: string
  category: Category | null
  priceCents: number | null
  availableFrom: string | null
  availableUntil: string | null
  scope: Scope
  ride: RideInput | null
}

export type FieldErrors = Record<string, string[]>

/** Checkboxes and multiple selects send one value as a string, several as an array. */
function asList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === '') return undefined
  return Array.isArray(value) ? value : [value]
}

async function validate<T>(
  validator: { validate(data: unknown, options: object): Promise<T> },
  data: Record<string, unknown>,
  i18n: I18n,
  fieldErrors: FieldErrors
): Promise<T | null> {
  try {
    return await validator.validate(data, { messagesProvider: i18n.createMessagesProvider() })
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    for (const item of error.messages as { field: string; message: string }[]) {
      const field = item.field.replace(/\.\d+$/, '')
      ;(fieldErrors[field] ??= []).push(item.message)
    }
    return null
  }
}

/**
 * Reads the exchange form (posting or editing): VineJS for the shape of
 * each field, then what depends on today or on other fields (Paris
 * time). Every problem is collected so the form comes back once with all
 * its messages; `fixed` is what an edit may not change (kind, direction).
 */
export async function readExchangeForm(
  raw: Record<string, unknown>,
  i18n: I18n,
  fixed: { kind: Kind; direction: Direction } | null = null,
  now: Date = new Date()
): Promise<{ input: ExchangeInput | null; fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {}
  const data: Record<string, unknown> = { ...raw, ...(fixed ?? {}) }
  const message = (key: string, values: Record<string, string | number> = {}) =>
    i18n.t(`exchanges.form_errors.${key}`, values)
  const add = (field: string, key: string, values?: Record<string, string | number>) =>
    (fieldErrors[field] ??= []).push(message(key, values))

  const fields = await validate(exchangeFieldsValidator, data, i18n, fieldErrors)
  const isRide = data.kind === 'ride'
  const rideFields = isRide
    ? await validate(
        rideFieldsValidator,
        { ...data, weekdays: asList(data.weekdays) },
        i18n,
        fieldErrors
      )
    : null

  const today = parisToday(now)
  const { maxDaysAhead, rides } = exchangeSettings

  /** Checked even when other fields failed, so the form comes back once with every message. */
  const text = (key: string) => {
    const value = data[key]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  const priceCents = parsePrice(text('price'))
  if (priceCents === undefined) {
    add('price', 'price', { max: exchangeSettings.maxPriceCents / 100 })
  }

  const from = text('available_from')
  const until = text('available_until')
  const wellFormed = (value: string | null): value is string =>
    value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value)
  if (wellFormed(from) && !isDay(from)) add('available_from', 'date')
  if (wellFormed(until) && !isDay(until)) add('available_until', 'date')
  const fromDay = wellFormed(from) && isDay(from) ? from : null
  const untilDay = wellFormed(until) && isDay(until) ? until : null
  if (untilDay && untilDay < today) add('available_until', 'until_past')
  if (fromDay && untilDay && untilDay < fromDay) add('available_until', 'until_before_from')
  for (const [field, value] of [
    ['available_from', fromDay],
    ['available_until', untilDay],
  ] as const) {
    if (value && value > addDays(today, maxDaysAhead)) add(field, 'too_far', { days: maxDaysAhead })
  }

  let ride: RideInput | null = null
  if (rideFields) {
    const time = rideFields.departure_time.slice(0, 5)
    let departsAt: Date | null = null
    let recursUntil: string | null = null
    let weekdays: number[] | null = null
    if (rideFields.schedule === 'once') {
      const day = rideFields.departure_date!
      departsAt = isDay(day) ? parisMoment(day, time) : null
      if (!departsAt) add('departure_date', 'date')
      else if (departsAt <= now) add('departure_date', 'departure_past')
      else if (day > addDays(today, rides.maxDaysAhead)) {
        add('departure_date', 'too_far', { days: rides.maxDaysAhead })
      }
    } else {
      weekdays = [...new Set(rideFields.weekdays!)].sort()
      recursUntil = rideFields.recurs_until!
      if (!isDay(recursUntil)) add('recurs_until', 'date')
      else if (recursUntil < today) add('recurs_until', 'until_past')
      else if (recursUntil > addDays(today, rides.maxRecurrenceDays)) {
        add('recurs_until', 'too_far', { days: rides.maxRecurrenceDays })
      }
    }
    const fromPoint = { latitude: rideFields.from_latitude, longitude: rideFields.from_longitude }
    const toPoint = { latitude: rideFields.to_latitude, longitude: rideFields.to_longitude }
    if (
      Math.abs(fromPoint.latitude - toPoint.latitude) < 0.0005 &&
      Math.abs(fromPoint.longitude - toPoint.longitude) < 0.0005
    ) {
      add('to_label', 'same_places')
    }
    ride = {
      fromLabel: rideFields.from_label,
      from: fromPoint,
      toLabel: rideFields.to_label,
      to: toPoint,
      departsAt,
      weekdays,
      departureTime: rideFields.schedule === 'weekly' ? time : null,
      recursUntil,
      seats: rideFields.seats,
      detourKm: rideFields.detour_km ?? 0,
    }
  }

  if (!fields || (isRide && !rideFields) || Object.keys(fieldErrors).length > 0) {
    return { input: null, fieldErrors }
  }
  return {
    input: {
      direction: fields.direction,
      kind: fields.kind,
      title: fields.title,
      description: fields.description,
      category: fields.kind === 'ride' ? null : (fields.category ?? null),
      priceCents: priceCents ?? null,
      availableFrom: fromDay,
      availableUntil: untilDay,
      scope: fields.scope ?? (fields.kind === 'ride' ? 'town' : 'neighbourhood'),
      ride,
    },
    fieldErrors,
  }
}
