import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type {
  AmbassadorApplicationStatus,
  AmbassadorAvailability,
} from '#modules/neighbourhoods/models/ambassador_application'
import type { KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'

/**
 * Read side of the super voisin programme. Functions taking a `client`
 * run inside the caller's transaction: on the embedded database a second
 * connection would wait for it forever.
 */

/** Where a resident lives, as the programme needs it (null: not in a neighbourhood). */
export interface AmbassadorHome {
  neighbourhoodId: number
  neighbourhoodName: string
  slug: string
  townName: string
}

/**
 * The resident's neighbourhood, from their home (never from a URL or a
 * form). With `lock`, their resident row is locked until the transaction
 * ends, so one resident's requests are handled one at a time.
 */
export async function ambassadorHome(
  userId: number,
  options: { client?: QueryClientContract; lock?: boolean } = {}
): Promise<AmbassadorHome | null> {
  const { rows } = await (options.client ?? db).rawQuery(
    `SELECT r.neighbourhood_id, n.name, n.slug, t.name AS town_name
       FROM residents r
       JOIN neighbourhoods n ON n.id = r.neighbourhood_id
       JOIN towns t ON t.id = n.town_id
      WHERE r.user_id = ?
      ${options.lock ? 'FOR UPDATE OF r' : ''}`,
    [userId]
  )
  const row = rows[0]
  if (!row) return null
  return {
    neighbourhoodId: Number(row.neighbourhood_id),
    neighbourhoodName: row.name,
    slug: row.slug,
    townName: row.town_name,
  }
}

export async function isSuperVoisinIn(
  userId: number,
  neighbourhoodId: number,
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  const row = await client
    .from('neighbourhood_roles')
    .where({ user_id: userId, neighbourhood_id: neighbourhoodId, role: 'super_voisin' })
    .select('id')
    .first()
  return Boolean(row)
}

/** A resident's own application, as their dashboard shows it. */
export interface OwnApplication {
  id: number
  status: AmbassadorApplicationStatus
  availability: AmbassadorAvailability
  neighbourhoodName: string
  decisionNote: string | null
  createdAt: Date
  decidedAt: Date | null
}

export async function latestApplicationOf(
  userId: number,
  client: QueryClientContract = db.connection()
): Promise<OwnApplication | null> {
  const { rows } = await client.rawQuery(
    `SELECT a.id, a.status, a.availability, a.decision_note, a.created_at, a.decided_at,
            n.name AS neighbourhood_name
       FROM ambassador_applications a
       JOIN neighbourhoods n ON n.id = a.neighbourhood_id
      WHERE a.user_id = ?
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT 1`,
    [userId]
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    status: row.status,
    availability: row.availability,
    neighbourhoodName: row.neighbourhood_name,
    decisionNote: row.decision_note,
    createdAt: new Date(row.created_at),
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  }
}

/** When the resident was last refused (to space out applications). */
export async function lastRefusalOf(
  userId: number,
  client: QueryClientContract = db.connection()
): Promise<Date | null> {
  const row = await client
    .from('ambassador_applications')
    .where({ user_id: userId, status: 'rejected' })
    .max('decided_at as last')
    .first()
  return row?.last ? new Date(row.last) : null
}

/** One change of a kit order's status, for its history. */
export interface KitOrderStep {
  fromStatus: KitOrderStatus | null
  toStatus: KitOrderStatus
  actorId: number | null
  at: Date
}

export interface KitOrderSummary {
  id: number
  userId: number
  neighbourhoodName: string
  townName: string
  flyers: number
  stickers: number
  posters: number
  deliveryName: string
  deliveryStreet: string
  deliveryPostcode: string
  deliveryTown: string
  deliveryNote: string | null
  status: KitOrderStatus
  createdAt: Date
  history: KitOrderStep[]
}

const ORDER_COLUMNS = `o.id, o.user_id, o.flyers, o.stickers, o.posters, o.delivery_name,
  o.delivery_street, o.delivery_postcode, o.delivery_town, o.delivery_note, o.status,
  o.created_at, n.name AS neighbourhood_name, t.name AS town_name
  FROM kit_orders o
  JOIN neighbourhoods n ON n.id = o.neighbourhood_id
  JOIN towns t ON t.id = n.town_id`

async function withHistory(rows: any[]): Promise<KitOrderSummary[]> {
  const ids = rows.map((row) => Number(row.id))
  const events = ids.length
    ? await db
        .from('kit_order_events')
        .whereIn('kit_order_id', ids)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
    : []
  const history = new Map<number, KitOrderStep[]>()
  for (const event of events) {
    const steps = history.get(Number(event.kit_order_id)) ?? []
    steps.push({
      fromStatus: event.from_status,
      toStatus: event.to_status,
      actorId: event.actor_id === null ? null : Number(event.actor_id),
      at: new Date(event.created_at),
    })
    history.set(Number(event.kit_order_id), steps)
  }
  return rows.map((row) => ({
    id: Number(row.id),
    userId: Number(row.user_id),
    neighbourhoodName: row.neighbourhood_name,
    townName: row.town_name,
    flyers: Number(row.flyers),
    stickers: Number(row.stickers),
    posters: Number(row.posters),
    deliveryName: row.delivery_name,
    deliveryStreet: row.delivery_street,
    deliveryPostcode: row.delivery_postcode,
    deliveryTown: row.delivery_town,
    deliveryNote: row.delivery_note,
    status: row.status,
    createdAt: new Date(row.created_at),
    history: history.get(Number(row.id)) ?? [],
  }))
}

/** A super voisin's own orders, newest first (theirs only). */
export async function kitOrdersOf(userId: number, limit = 20): Promise<KitOrderSummary[]> {
  const { rows } = await db.rawQuery(
    `SELECT ${ORDER_COLUMNS} WHERE o.user_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?`,
    [userId, limit]
  )
  return withHistory(rows)
}

/** One of the resident's own orders; null for someone else's (or none). */
export async function kitOrderOf(userId: number, id: number): Promise<KitOrderSummary | null> {
  const { rows } = await db.rawQuery(`SELECT ${ORDER_COLUMNS} WHERE o.id = ? AND o.user_id = ?`, [
    id,
    userId,
  ])
  const [order] = await withHistory(rows)
  return order ?? null
}

export async function hasOpenKitOrder(
  userId: number,
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  const row = await client
    .from('kit_orders')
    .where('user_id', userId)
    .whereIn('status', ['requested', 'approved'])
    .select('id')
    .first()
  return Boolean(row)
}

/* Back office (operators only) */

export interface PendingApplication {
  id: number
  userId: number
  neighbourhoodName: string
  townName: string
  motivation: string
  availability: AmbassadorAvailability
  createdAt: Date
  /** The applicant lives elsewhere now (or nowhere): approving is refused. */
  moved: boolean
}

/** Applications waiting for a decision, oldest first. */
export async function pendingApplications(limit = 100): Promise<PendingApplication[]> {
  const { rows } = await db.rawQuery(
    `SELECT a.id, a.user_id, a.motivation, a.availability, a.created_at,
            n.name AS neighbourhood_name, t.name AS town_name,
            (r.neighbourhood_id IS DISTINCT FROM a.neighbourhood_id) AS moved
       FROM ambassador_applications a
       JOIN neighbourhoods n ON n.id = a.neighbourhood_id
       JOIN towns t ON t.id = n.town_id
       LEFT JOIN residents r ON r.user_id = a.user_id
      WHERE a.status = 'pending'
      ORDER BY a.created_at ASC, a.id ASC
      LIMIT ?`,
    [limit]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    userId: Number(row.user_id),
    neighbourhoodName: row.neighbourhood_name,
    townName: row.town_name,
    motivation: row.motivation,
    availability: row.availability,
    createdAt: new Date(row.created_at),
    moved: Boolean(row.moved),
  }))
}

export interface DecidedApplication {
  id: number
  userId: number
  neighbourhoodName: string
  status: AmbassadorApplicationStatus
  decisionNote: string | null
  decidedById: number | null
  decidedAt: Date
}

/** The latest decisions, for the operators' own record. */
export async function recentDecisions(limit = 20): Promise<DecidedApplication[]> {
  const { rows } = await db.rawQuery(
    `SELECT a.id, a.user_id, a.status, a.decision_note, a.decided_by_id, a.decided_at,
            n.name AS neighbourhood_name
       FROM ambassador_applications a
       JOIN neighbourhoods n ON n.id = a.neighbourhood_id
      WHERE a.status <> 'pending'
      ORDER BY a.decided_at DESC, a.id DESC
      LIMIT ?`,
    [limit]
  )
  return rows.map((row: any) => ({
    id: Number(row.id),
    userId: Number(row.user_id),
    neighbourhoodName: row.neighbourhood_name,
    status: row.status,
    decisionNote: row.decision_note,
    decidedById: row.decided_by_id === null ? null : Number(row.decided_by_id),
    decidedAt: new Date(row.decided_at),
  }))
}

/** Orders in one status: the oldest first while they wait, the newest first once closed. */
export async function kitOrdersInStatus(
  status: KitOrderStatus,
  limit = 100
): Promise<KitOrderSummary[]> {
  const order = status === 'requested' || status === 'approved' ? 'ASC' : 'DESC'
  const { rows } = await db.rawQuery(
    `SELECT ${ORDER_COLUMNS} WHERE o.status = ?
      ORDER BY o.created_at ${order}, o.id ${order} LIMIT ?`,
    [status, limit]
  )
  return withHistory(rows)
}

export async function kitOrderCounts(): Promise<Record<KitOrderStatus, number>> {
  const rows = await db.from('kit_orders').select('status').count('* as total').groupBy('status')
  const counts: Record<KitOrderStatus, number> = {
    requested: 0,
    approved: 0,
    shipped: 0,
    cancelled: 0,
  }
  for (const row of rows) counts[row.status as KitOrderStatus] = Number(row.total)
  return counts
}
