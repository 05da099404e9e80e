import db from '@adonisjs/lucid/services/db'
import { exchangePath } from '#modules/exchanges/services/exchange_links'

export interface MyExchange {
  id: number
  url: string
  title: string
  direction: string
  kind: string
  status: string
  publishedAt: Date
  expiresAt: Date
  respondents: number
  passengers: number
}

export interface MyParticipation {
  id: number
  url: string
  title: string
  kind: string
  status: string
  /** 'response' | 'booking' */
  role: string
  seats: number | null
  chosen: boolean
}

/** A resident's own offers and requests, newest first, with how many answered. */
export async function myExchanges(userId: number): Promise<MyExchange[]> {
  const { rows } = await db.rawQuery(
    `SELECT e.id, e.title, e.direction, e.kind, e.status, e.published_at, e.expires_at,
            (SELECT count(*) FROM exchange_responses x WHERE x.exchange_id = e.id) AS respondents,
            (SELECT coalesce(sum(b.seats), 0) FROM ride_bookings b
              WHERE b.exchange_id = e.id AND b.status = 'booked') AS passengers
       FROM exchanges e WHERE e.author_id = ?
      ORDER BY e.published_at DESC, e.id DESC LIMIT 200`,
    [userId]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    url: exchangePath(Number(row.id)),
    title: row.title,
    direction: row.direction,
    kind: row.kind,
    status: row.status,
    publishedAt: new Date(row.published_at),
    expiresAt: new Date(row.expires_at),
    respondents: Number(row.respondents),
    passengers: Number(row.passengers),
  }))
}

/** Exchanges a resident answered and rides they booked, most recent first. */
export async function myParticipations(userId: number): Promise<MyParticipation[]> {
  const { rows } = await db.rawQuery(
    `SELECT * FROM (
       SELECT e.id, e.title, e.kind, e.status, 'response' AS role, NULL::int AS seats,
              (e.agreed_with_id = x.respondent_id) AS chosen, x.created_at AS at
         FROM exchange_responses x JOIN exchanges e ON e.id = x.exchange_id
        WHERE x.respondent_id = ?
       UNION ALL
       SELECT e.id, e.title, e.kind, e.status, 'booking', b.seats, true, b.created_at
         FROM ride_bookings b JOIN exchanges e ON e.id = b.exchange_id
        WHERE b.passenger_id = ? AND b.status = 'booked'
     ) AS mine ORDER BY at DESC LIMIT 200`,
    [userId, userId]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    url: exchangePath(Number(row.id)),
    title: row.title,
    kind: row.kind,
    status: row.status,
    role: row.role,
    seats: row.seats === null ? null : Number(row.seats),
    chosen: row.chosen === true,
  }))
}
