import db from '@adonisjs/lucid/services/db'

export interface RideDetails {
  fromLabel: string
  from: { latitude: number; longitude: number }
  toLabel: string
  to: { latitude: number; longitude: number }
  departsAt: Date | null
  weekdays: number[] | null
  /** 'HH:mm', Paris time, of a weekly ride. */
  departureTime: string | null
  recursFrom: string | null
  recursUntil: string | null
  seatsOffered: number
  seatsLeft: number
  detourKm: number
}

/** The trip of a ride (null for other kinds). */
export async function rideDetails(exchangeId: number): Promise<RideDetails | null> {
  const { rows } = await db.rawQuery(
    `SELECT from_label, ST_Y(from_point) AS from_lat, ST_X(from_point) AS from_lon,
            to_label, ST_Y(to_point) AS to_lat, ST_X(to_point) AS to_lon,
            departs_at, weekdays, to_char(departure_time, 'HH24:MI') AS departure_time,
            to_char(recurs_from, 'YYYY-MM-DD') AS recurs_from,
            to_char(recurs_until, 'YYYY-MM-DD') AS recurs_until,
            seats_offered, seats_left, detour_km
       FROM exchange_rides WHERE exchange_id = ?`,
    [exchangeId]
  )
  const row = rows[0]
  if (!row) return null
  return {
    fromLabel: row.from_label,
    from: { latitude: Number(row.from_lat), longitude: Number(row.from_lon) },
    toLabel: row.to_label,
    to: { latitude: Number(row.to_lat), longitude: Number(row.to_lon) },
    departsAt: row.departs_at ? new Date(row.departs_at) : null,
    weekdays: row.weekdays ? row.weekdays.map(Number) : null,
    departureTime: row.departure_time,
    recursFrom: row.recurs_from,
    recursUntil: row.recurs_until,
    seatsOffered: Number(row.seats_offered),
    seatsLeft: Number(row.seats_left),
    detourKm: Number(row.detour_km),
  }
}
