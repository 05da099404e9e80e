import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface ConversationRow {
  id: number
  subjectType: string | null
  subjectId: number | null
  subjectTitle: string | null
  subjectUrl: string | null
  lastMessageAt: Date | null
  /** The viewer's read mark: messages with a greater id are unread. */
  lastReadMessageId: number
  otherId: number
}

/**
 * A conversation as one of its participants sees it, or null when the
 * viewer is not part of it (the caller answers 404). `forUpdate` locks
 * the conversation row: sends to one conversation run one after another.
 */
export async function conversationFor(
  viewerId: number,
  conversationId: number,
  options: { trx?: TransactionClientContract; forUpdate?: boolean } = {}
): Promise<ConversationRow | null> {
  if (!Number.isSafeInteger(conversationId) || conversationId <= 0) return null
  const { rows } = await (options.trx ?? db).rawQuery(
    `SELECT c.id, c.subject_type, c.subject_id, c.subject_title, c.subject_url,
            c.last_message_at, me.last_read_message_id, other.user_id AS other_id
       FROM conversations c
       JOIN conversation_participants me ON me.conversation_id = c.id AND me.user_id = ?
       JOIN conversation_participants other ON other.conversation_id = c.id AND other.user_id <> ?
      WHERE c.id = ?${options.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [viewerId, viewerId, conversationId]
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    subjectType: row.subject_type,
    subjectId: row.subject_id === null ? null : Number(row.subject_id),
    subjectTitle: row.subject_title,
    subjectUrl: row.subject_url,
    lastMessageAt: row.last_message_at,
    lastReadMessageId: Number(row.last_read_message_id),
    otherId: Number(row.other_id),
  }
}
