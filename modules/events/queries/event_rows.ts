import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Scope } from '#modules/neighbourhoods/index'
import { EventNotFoundError } from '#modules/events/services/errors'
import type { EventCategory, EventStatus } from '#modules/events/services/settings'

/** An event as this module reads it (the point as latitude/longitude). */
export interface EventRecord {
  id: number
  authorId: number
  organisationId: number | null
  title: string
  description: string
  category: EventCategory
  placeLabel: string
  latitude: number
  longitude: number
  startsAt: Date
  endsAt: Date
  capacity: number | null
  goingCount: number
  scope: Scope
  neighbourhoodId: number
  townId: number
  authorStreet: string | null
  status: EventStatus
  cancelledAt: Date | null
  cancelReason: string | null
  sequence: number
  publishedAt: Date
  createdAt: Date
  updatedAt: Date
  /** Hidden by moderation: only its author and moderators still see it. */
  hiddenAt: Date | null
}

/** The columns every read selects (the point taken apart). */
export const EVENT_COLUMNS = `e.id, e.author_id, e.organisation_id, e.title, e.description, e.category,
  e.place_label, ST_Y(e.place_point) AS latitude, ST_X(e.place_point) AS longitude,
  e.starts_at, e.ends_at, e.capacity, e.going_count, e.scope, e.neighbourhood_id, e.town_id,
  e.author_street, e.status, e.cancelled_at, e.cancel_reason, e.sequence, e.published_at,
  e.created_at, e.updated_at, e.hidden_at`

const nullableNumber = (value: unknown) => (value === null ? null : Number(value))

export function toEvent(row: Record<string, any>): EventRecord {
  return {
    id: Number(row.id),
    authorId: Number(row.author_id),
    organisationId: nullableNumber(row.organisation_id),
    title: row.title,
    description: row.description,
    category: row.category,
    placeLabel: row.place_label,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    capacity: nullableNumber(row.capacity),
    goingCount: Number(row.going_count),
    scope: row.scope,
    neighbourhoodId: Number(row.neighbourhood_id),
    townId: Number(row.town_id),
    authorStreet: row.author_street,
    status: row.status,
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
    cancelReason: row.cancel_reason,
    sequence: Number(row.sequence),
    publishedAt: new Date(row.published_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    hiddenAt: row.hidden_at ? new Date(row.hidden_at) : null,
  }
}

/** One event, or null. */
export async function findEvent(
  id: number,
  client: TransactionClientContract | typeof db = db
): Promise<EventRecord | null> {
  const { rows } = await client.rawQuery(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ?`, [
    id,
  ])
  return rows[0] ? toEvent(rows[0]) : null
}

/**
 * The event's row locked until the transaction ends: every RSVP, edit
 * and cancellation takes it, so they happen one after the other and the
 * going count never passes the capacity.
 */
export async function lockEvent(trx: TransactionClientContract, id: number): Promise<EventRecord> {
  const { rows } = await trx.rawQuery(
    `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ? FOR UPDATE`,
    [id]
  )
  if (!rows[0]) throw new EventNotFoundError()
  return toEvent(rows[0])
}
