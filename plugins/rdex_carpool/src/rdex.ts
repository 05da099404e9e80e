/**
 * RDEX journeys (Ridesharing Data EXchange, v1.2.1): the search request,
 * its signature, and a defensive reading of the answer. Platforms differ
 * in details (numbers as strings, journeys wrapped as `{ "journeys": {...} }`
 * or not), so every field is checked before use.
 */
import { createHmac } from 'node:crypto'
import { WEEKDAYS, addDays, isDay, weekdayOf, zonedInstant, type Weekday } from './time.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/** A number, or a numeric string (several platforms send coordinates and costs as strings). */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return undefined
}

export interface SearchQuery {
  from: { latitude: number; longitude: number }
  to: { latitude: number; longitude: number }
  minDate: string
  maxDate: string
}

/**
 * The signed journeys URL: `timestamp` and `apikey` first, then the `p[...]`
 * search parameters, then `signature` = hex HMAC-SHA256 of everything
 * before it (the full URL) with the private key, as RDEX specifies.
 */
export function signedJourneysUrl(
  journeysUrl: string,
  query: SearchQuery,
  keys: { publicKey: string; privateKey: string },
  timestamp: number
): string {
  const params: [string, string][] = [
    ['timestamp', String(timestamp)],
    ['apikey', keys.publicKey],
    ['p[driver][state]', '1'],
    ['p[passenger][state]', '0'],
    ['p[from][latitude]', query.from.latitude.toFixed(6)],
    ['p[from][longitude]', query.from.longitude.toFixed(6)],
    ['p[to][latitude]', query.to.latitude.toFixed(6)],
    ['p[to][longitude]', query.to.longitude.toFixed(6)],
    ['p[outward][mindate]', query.minDate],
    ['p[outward][maxdate]', query.maxDate],
  ]
  const unsigned = `${journeysUrl}?${params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`
  const signature = createHmac('sha256', keys.privateKey).update(unsigned).digest('hex')
  return `${unsigned}&signature=${signature}`
}

export interface Place {
  latitude: number
  longitude: number
  label?: string
}

export interface Ride {
  id: string
  operator?: string
  url?: string
  seats?: number
  from: Place
  to: Place
  departure: Date
  latest: Date
  regular: boolean
  fixedCost?: number
  costPerKm?: number
  details?: string
}

function place(value: unknown): Place | undefined {
  if (!isObject(value)) return undefined
  const latitude = numeric(value.latitude)
  const longitude = numeric(value.longitude)
  if (
    latitude === undefined ||
    longitude === undefined ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  ) {
    return undefined
  }
  return { latitude, longitude, label: text(value.city) ?? text(value.address) }
}

/** Each journey of an answer: a list of journeys, of `{ journeys: journey }`, or `{ journeys: [...] }`. */
export function journeysOf(document: unknown): Json[] {
  const items = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document.journeys)
      ? document.journeys
      : undefined
  if (!items) return []
  return items
    .map((item) => (isObject(item) && isObject(item.journeys) ? item.journeys : item))
    .filter(isObject)
}

function slot(outward: Json, day: Weekday): { min: string; max: string } | undefined {
  const times = outward[day]
  if (!isObject(times) || typeof times.mintime !== 'string') return undefined
  return {
    min: times.mintime,
    max: typeof times.maxtime === 'string' ? times.maxtime : times.mintime,
  }
}

export interface RideWindow {
  from: Date
  until: Date
  now: Date
  timeZone: string
  /** Local days of `from` and `until`. */
  firstDay: string
  lastDay: string
}

/** The departure on `day` at `times`, if it falls in the window and is not over. */
function departureOn(
  day: string,
  times: { min: string; max: string } | undefined,
  window: RideWindow
) {
  if (!times) return undefined
  const departure = zonedInstant(day, times.min, window.timeZone)
  const latest = zonedInstant(day, times.max, window.timeZone)
  if (!departure || !latest || latest < departure) return undefined
  if (latest <= window.now || latest < window.from || departure > window.until) return undefined
  return { departure, latest }
}

/**
 * The first departure of a journey within the window that is not over at
 * `now`: a punctual journey leaves on its `mindate`; a regular one on each
 * day of the week it runs (`days.monday: 1`...) between mindate and maxdate.
 */
function departureOf(journey: Json, window: RideWindow) {
  const outward = isObject(journey.outward) ? journey.outward : undefined
  if (!outward || !isDay(outward.mindate)) return undefined
  if (journey.frequency !== 'regular') {
    const day = outward.mindate
    const times =
      slot(outward, weekdayOf(day)) ?? WEEKDAYS.map((name) => slot(outward, name)).find(Boolean)
    const when = departureOn(day, times, window)
    return when && { ...when, regular: false }
  }
  const days = isObject(journey.days) ? journey.days : {}
  const maxDate = isDay(outward.maxdate) ? outward.maxdate : window.lastDay
  const lastDay = maxDate < window.lastDay ? maxDate : window.lastDay
  let day = outward.mindate < window.firstDay ? window.firstDay : outward.mindate
  for (let step = 0; step < 15 && day <= lastDay; step++, day = addDays(day, 1)) {
    const weekday = weekdayOf(day)
    if (numeric(days[weekday]) !== 1) continue
    const when = departureOn(day, slot(outward, weekday), window)
    if (when) return { ...when, regular: true }
  }
  return undefined
}

/** The rides a driver offers in the answer, departing within the window. */
export function readRides(document: unknown, window: RideWindow): Ride[] {
  const rides: Ride[] = []
  for (const journey of journeysOf(document)) {
    const driver = isObject(journey.driver) ? journey.driver : undefined
    if (!driver || numeric(driver.state) !== 1) continue
    const uuid = journey.uuid
    const id = typeof uuid === 'number' || typeof uuid === 'string' ? String(uuid).trim() : ''
    const from = place(journey.from)
    const to = place(journey.to)
    const when = departureOf(journey, window)
    if (!id || id.length > 100 || !from || !to || !when) continue
    const cost = isObject(journey.cost) ? journey.cost : {}
    const seats = numeric(driver.seats)
    rides.push({
      id,
      operator: text(journey.operator),
      url: text(journey.url),
      seats:
        seats !== undefined && Number.isInteger(seats) && seats > 0 && seats < 10
          ? seats
          : undefined,
      from,
      to,
      departure: when.departure,
      latest: when.latest,
      regular: when.regular,
      fixedCost: numeric(cost.fixed),
      costPerKm: numeric(cost.variable),
      details: text(journey.details),
    })
  }
  return rides
}
