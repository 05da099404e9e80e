import { preparedRows } from '#app/database/prepared'

export interface StandingSanction {
  kind: 'suspend' | 'ban'
  until: Date | null
  reason: string
}

/**
 * The suspension or ban a resident is under now, if any (a ban first).
 * Asked on every signed-in request: one prepared statement on a partial
 * index holding only standing restrictions.
 */
export async function standingSanction(userId: number): Promise<StandingSanction | null> {
  const rows = await preparedRows<{ kind: 'suspend' | 'ban'; until: Date | null; reason: string }>(
    `SELECT kind, until, reason FROM sanctions
      WHERE user_id = ? AND kind IN ('suspend', 'ban') AND lifted_at IS NULL
        AND (until IS NULL OR until > now())
      ORDER BY (kind = 'ban') DESC, until DESC NULLS FIRST LIMIT 1`,
    [userId]
  )
  const row = rows[0]
  return row
    ? { kind: row.kind, until: row.until ? new Date(row.until) : null, reason: row.reason }
    : null
}
