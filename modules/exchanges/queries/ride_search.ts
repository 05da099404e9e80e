import { publicName } from '#modules/verification/index'
import formatters from '@poppinss/intl-formatter'
import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { visibilityClause, type FeedViewer } from '#modules/feed/index'
import { exchangePath } from '#modules/exchanges/services/exchange_links'
import { formatPrice } from '#modules/exchanges/services/money'
import { rideWhen, type RideWhen } from '#modules/exchanges/services/ride_text'
import { isoWeekday, parisMoment } from '#modules/exchanges/services/paris_time'
import { exchangeSettings } from '#modules/exchanges/services/settings'

export interface RideQuery {
  to: { latitude: number; longitude: number; radiusKm: number }
  from: { latitude: number; longitude: number; radiusKm: number } | null
  /** A Paris day and a window of times on it ('HH:mm'). */
  day: string
  timeFrom: string
  timeUntil: string
}

export interface RideResult {
  id: number
  url: string
  title: string
  fromLabel: string
  toLabel: string
  departsAt: Date | null
  weekdays: number[] | null
  departureTime: string | null
  when: RideWhen
  seatsLeft: number
  price: string | null
  author: { name: string; street: string | null }
  /** How far from the wanted places, in metres, and the destination's as text ("1,2"). */
  toDistanceM: number
  toDistanceKm: string
  fromDistanceM: number | null
}

const { maxDetourKm } = exchangeSettings.rides

/**
 * Ride offers with seats left, visible to the viewer (the feed's scope
 * rule; rides are usually town-wide), whose destination is within the
 * radius (plus the driver's accepted detour) of the wanted point, and
 * optionally whose origin is near another, leaving on that day within the
 * time window (one-off rides by their departure, weekly rides by their
 * days and time). PostGIS geography on both ends: ST_DWithin with a
 * constant distance uses the GIST index; the exact per-ride distance is
 * checked after. Soonest first, then nearest.
 */
export async function searchRides(viewer: FeedViewer, query: RideQuery): Promise<RideResult[]> {
  if (viewer.neighbourhoodId === null) return []
  const windowStart = parisMoment(query.day, query.timeFrom)
  const windowEnd = parisMoment(query.day, query.timeUntil)
  if (!windowStart || !windowEnd) return []

  const visible = visibilityClause(viewer, {
    neighbourhoodId: 'e.neighbourhood_id',
    townId: 'e.town_id',
    scope: 'e.scope',
  })
  const conditions = [
    "e.status = 'open'",
    "e.kind = 'ride'",
    "e.direction = 'offer'",
    'r.seats_left > 0',
    'e.hidden_at IS NULL',
    visible.sql,
  ]
  const bindings: (string | number | Date)[] = [...visible.bindings]

  const point = 'ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography'
  const near = (column: string, end: { latitude: number; longitude: number; radiusKm: number }) => {
    conditions.push(
      `ST_DWithin(r.${column}::geography, ${point}, ?)`,
      `ST_Distance(r.${column}::geography, ${point}) <= ? + r.detour_km * 1000`
    )
    const metres = end.radiusKm * 1000
    bindings.push(end.longitude, end.latitude, metres + maxDetourKm * 1000)
    bindings.push(end.longitude, end.latitude, metres)
  }
  near('to_point', query.to)
  if (query.from) near('from_point', query.from)

  conditions.push(`(
    (r.departs_at BETWEEN ? AND ? AND r.departs_at > now())
    OR (r.departs_at IS NULL AND ? = ANY (r.weekdays)
        AND r.departure_time BETWEEN ?::time AND ?::time
        AND r.recurs_from <= ?::date AND r.recurs_until >= ?::date)
  )`)
  bindings.push(
    windowStart,
    windowEnd,
    isoWeekday(query.day),
    query.timeFrom,
    query.timeUntil,
    query.day,
    query.day
  )

  const fromDistance = query.from
    ? `ST_Distance(r.from_point::geography, ${point})`
    : 'NULL::float8'
  const selectBindings = [
    query.to.longitude,
    query.to.latitude,
    ...(query.from ? [query.from.longitude, query.from.latitude] : []),
  ]
  const { rows } = await db.rawQuery(
    `SELECT e.id, e.title, e.price_cents, e.author_id, e.author_street,
            r.from_label, r.to_label, r.departs_at, r.weekdays,
            to_char(r.recurs_until, 'YYYY-MM-DD') AS recurs_until,
            to_char(r.departure_time, 'HH24:MI') AS departure_time, r.seats_left,
            ST_Distance(r.to_point::geography, ${point}) AS to_distance,
            ${fromDistance} AS from_distance
       FROM exchanges e JOIN exchange_rides r ON r.exchange_id = e.id
      WHERE ${conditions.join(' AND ')}
      ORDER BY COALESCE((r.departs_at AT TIME ZONE 'Europe/Paris')::time, r.departure_time),
               to_distance, e.id
      LIMIT ?`,
    [...selectBindings, ...bindings, exchangeSettings.rides.search.limit]
  )
  const names = await accounts.displayNames(rows.map((row: any) => Number(row.author_id)))
  return rows.map((row: any) => ({
    id: Number(row.id),
    url: exchangePath(Number(row.id)),
    title: row.title,
    fromLabel: row.from_label,
    toLabel: row.to_label,
    departsAt: row.departs_at ? new Date(row.departs_at) : null,
    weekdays: row.weekdays ? row.weekdays.map(Number) : null,
    departureTime: row.departure_time,
    when: rideWhen(
      {
        departsAt: row.departs_at ? new Date(row.departs_at) : null,
        weekdays: row.weekdays ? row.weekdays.map(Number) : null,
        departureTime: row.departure_time,
        recursUntil: row.recurs_until,
      },
      viewer.locale
    ),
    seatsLeft: Number(row.seats_left),
    price: row.price_cents === null ? null : formatPrice(row.price_cents, viewer.locale),
    author: {
      name: publicName(names.get(Number(row.author_id)) ?? '', viewer.trust),
      street: row.author_street,
    },
    toDistanceM: Math.round(Number(row.to_distance)),
    toDistanceKm: formatters
      .number(viewer.locale === 'en' ? 'en-GB' : 'fr-FR', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })
      .format(Number(row.to_distance) / 1000),
    fromDistanceM: row.from_distance === null ? null : Math.round(Number(row.from_distance)),
  }))
}
