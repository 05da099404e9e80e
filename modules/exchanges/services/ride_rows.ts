import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import type { RideInput } from '#modules/exchanges/services/exchange_form'
import { endOfParisDay, parisToday } from '#modules/exchanges/services/paris_time'

/** When a ride's listing ends: at departure, or after the last day of a weekly ride. */
export function rideEndsAt(ride: RideInput): Date {
  return ride.departsAt ?? endOfParisDay(ride.recursUntil!)
}

/** Writes (or rewrites) a ride's trip; `booked` seats are already taken. */
export async function saveRide(
  trx: TransactionClientContract,
  exchangeId: number,
  ride: RideInput,
  booked = 0,
  recursFrom: string | null = null
): Promise<void> {
  const weekly = ride.departsAt === null
  const values = [
    ride.fromLabel,
    ride.from.longitude,
    ride.from.latitude,
    ride.toLabel,
    ride.to.longitude,
    ride.to.latitude,
    ride.departsAt,
    weekly ? `{${ride.weekdays!.join(',')}}` : null,
    ride.departureTime,
    weekly ? (recursFrom ?? parisToday()) : null,
    ride.recursUntil,
    ride.seats,
    ride.seats - booked,
    ride.detourKm,
  ]
  await trx.rawQuery(
    `INSERT INTO exchange_rides
       (exchange_id, from_label, from_point, to_label, to_point, departs_at, weekdays,
        departure_time, recurs_from, recurs_until, seats_offered, seats_left, detour_km)
     VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ST_SetSRID(ST_MakePoint(?, ?), 4326),
             ?, ?::smallint[], ?::time, ?::date, ?::date, ?, ?, ?)
     ON CONFLICT (exchange_id) DO UPDATE SET
       from_label = EXCLUDED.from_label, from_point = EXCLUDED.from_point,
       to_label = EXCLUDED.to_label, to_point = EXCLUDED.to_point,
       departs_at = EXCLUDED.departs_at, weekdays = EXCLUDED.weekdays,
       departure_time = EXCLUDED.departure_time,
       recurs_from = COALESCE(exchange_rides.recurs_from, EXCLUDED.recurs_from),
       recurs_until = EXCLUDED.recurs_until, seats_offered = EXCLUDED.seats_offered,
       seats_left = EXCLUDED.seats_left, detour_km = EXCLUDED.detour_km`,
    /** knex binds null as NULL; Lucid's binding types leave it out. */
    [exchangeId, ...values] as unknown as RawQueryBindings
  )
}

/** Seats passengers hold on a ride (inside the caller's transaction). */
export async function bookedSeats(
  trx: TransactionClientContract,
  exchangeId: number
): Promise<number> {
  const row = await trx
    .from('ride_bookings')
    .where({ exchange_id: exchangeId, status: 'booked' })
    .sum('seats as seats')
    .first()
  return Number(row?.seats ?? 0)
}
