import db from '@adonisjs/lucid/services/db'
import { preparedRows } from '#app/database/prepared'

/** Notifications per page of the centre. */
export const CENTRE_PAGE_SIZE = 20

export interface CentreRow {
  id: number
  type: string
  keys: string
  values: Record<string, unknown>
  path: string
  readAt: Date | null
  createdAt: Date
}

export interface CentreCursor {
  createdAt: Date
  id: number
}

/** "<ms since epoch>-<id>": where the next page starts. */
export function encodeCentreCursor(cursor: CentreCursor): string {
  return `${cursor.createdAt.getTime()}-${cursor.id}`
}

export function decodeCentreCursor(value: string | undefined): CentreCursor | null {
  const match = /^(\d{1,15})-(\d{1,15})$/.exec(value ?? '')
  if (!match) return null
  const createdAt = new Date(Number(match[1]))
  const id = Number(match[2])
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id }
}

/**
 * One page of a resident's own notifications, newest first (keyset on
 * created_at, id: index notifications_user_created), and whether more follow.
 */
export async function centrePage(
  userId: number,
  before: CentreCursor | null
): Promise<{ rows: CentreRow[]; next: string | null }> {
  const query = db
    .from('notifications')
    .where('user_id', userId)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(CENTRE_PAGE_SIZE + 1)
    .select('id', 'type', 'keys', 'values', 'path', 'read_at', 'created_at')
  if (before) {
    query.whereRaw('(created_at, id) < (?, ?)', [before.createdAt, before.id])
  }
  const found = await query
  const rows: CentreRow[] = found.slice(0, CENTRE_PAGE_SIZE).map((row) => ({
    id: Number(row.id),
    type: String(row.type),
    keys: String(row.keys),
    values: typeof row.values === 'string' ? JSON.parse(row.values) : (row.values ?? {}),
    path: String(row.path),
    readAt: row.read_at ? new Date(row.read_at) : null,
    createdAt: new Date(row.created_at),
  }))
  const last = rows.at(-1)
  return {
    rows,
    next: found.length > CENTRE_PAGE_SIZE && last ? encodeCentreCursor(last) : null,
  }
}

/**
 * The header badge, on every signed-in page: one count on the partial
 * index of unread rows, as a prepared statement (planning would cost more
 * than the count).
 */
export async function unreadCount(userId: number): Promise<number> {
  const rows = await preparedRows<{ total: number }>(
    `SELECT count(*)::int AS total FROM notifications WHERE user_id = ? AND read_at IS NULL`,
    [userId]
  )
  return Number(rows[0]?.total ?? 0)
}
