import db from '@adonisjs/lucid/services/db'
import { APPEALABLE } from '#modules/moderation/services/settings'

export interface ActionAgainstMe {
  id: number
  kind: string
  action: string
  reason: string
  at: Date
  until: Date | null
  appeal: { status: string; decisionReason: string | null } | null
}

/** The actions taken against a resident's content or account, with their appeal if any. */
export async function actionsAgainst(userId: number): Promise<ActionAgainstMe[]> {
  const rows = await db
    .from('moderation_actions as a')
    .leftJoin('appeals as p', 'p.action_id', 'a.id')
    .where('a.author_id', userId)
    .whereIn('a.action', [...APPEALABLE])
    .orderBy('a.id', 'desc')
    .limit(100)
    .select(
      'a.id',
      'a.kind',
      'a.action',
      'a.reason',
      'a.created_at',
      'a.until',
      'p.status as appeal_status',
      'p.decision_reason'
    )
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    action: row.action,
    reason: row.reason,
    at: new Date(row.created_at),
    until: row.until ? new Date(row.until) : null,
    appeal: row.appeal_status
      ? { status: row.appeal_status, decisionReason: row.decision_reason }
      : null,
  }))
}

export interface PendingAppeal {
  id: number
  text: string
  at: Date
  kind: string
  contentId: number
  action: string
  actionReason: string
  authorId: number
}

/** Appeals waiting for an operator, oldest first. */
export async function pendingAppeals(): Promise<PendingAppeal[]> {
  const rows = await db
    .from('appeals as p')
    .join('moderation_actions as a', 'a.id', 'p.action_id')
    .where('p.status', 'pending')
    .orderBy('p.created_at', 'asc')
    .limit(100)
    .select(
      'p.id',
      'p.text',
      'p.created_at',
      'p.author_id',
      'a.kind',
      'a.content_id',
      'a.action',
      'a.reason'
    )
  return rows.map((row) => ({
    id: Number(row.id),
    text: row.text,
    at: new Date(row.created_at),
    kind: row.kind,
    contentId: Number(row.content_id),
    action: row.action,
    actionReason: row.reason,
    authorId: Number(row.author_id),
  }))
}
