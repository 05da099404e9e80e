import db from '@adonisjs/lucid/services/db'
import { moderationSettings } from '#modules/moderation/services/settings'

/**
 * A line of a neighbourhood's public moderation log: when, what kind of
 * content, what was decided and why. Never who reported, who wrote it or
 * what it said.
 */
export interface LogLine {
  at: Date
  kind: string
  action: string
  reason: string
  until: Date | null
}

export async function publicLog(neighbourhoodId: number): Promise<LogLine[]> {
  const rows = await db
    .from('moderation_actions')
    .where('neighbourhood_id', neighbourhoodId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(moderationSettings.logPageSize)
    .select('created_at', 'kind', 'action', 'reason', 'until')
  return rows.map((row) => ({
    at: new Date(row.created_at),
    kind: row.kind,
    action: row.action,
    reason: row.reason,
    until: row.until ? new Date(row.until) : null,
  }))
}

export async function neighbourhoodOfLog(
  neighbourhoodId: number
): Promise<{ id: number; name: string } | null> {
  const row = await db
    .from('neighbourhoods')
    .where('id', neighbourhoodId)
    .select('id', 'name')
    .first()
  return row ? { id: Number(row.id), name: row.name } : null
}
