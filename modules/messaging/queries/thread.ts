import db from '@adonisjs/lucid/services/db'
import { THREAD_PAGE_SIZE } from '#modules/messaging/services/rules'

export interface ThreadMessage {
  id: number
  senderId: number
  body: string
  createdAt: Date
  /** Hidden by moderation: its recipient sees a placeholder, its sender a notice. */
  hidden: boolean
}

function toMessage(row: Record<string, unknown>): ThreadMessage {
  return {
    id: Number(row.id),
    senderId: Number(row.sender_id),
    body: String(row.body),
    createdAt: row.created_at as Date,
    hidden: row.hidden_at !== null && row.hidden_at !== undefined,
  }
}

/**
 * One page of a thread, oldest first: the newest messages, or those
 * before the `before` message id (keyset on (conversation_id, id), no
 * OFFSET). `olderBefore` is the cursor of the page before, if any.
 */
export async function threadPage(
  conversationId: number,
  before: number | null
): Promise<{ messages: ThreadMessage[]; olderBefore: number | null }> {
  const rows = await db
    .from('messages')
    .where('conversation_id', conversationId)
    .if(before !== null, (query) => query.where('id', '<', before!))
    .orderBy('id', 'desc')
    .limit(THREAD_PAGE_SIZE + 1)
    .select('id', 'sender_id', 'body', 'created_at', 'hidden_at')
  const hasOlder = rows.length > THREAD_PAGE_SIZE
  const messages = rows.slice(0, THREAD_PAGE_SIZE).reverse().map(toMessage)
  return { messages, olderBefore: hasOlder && messages.length ? messages[0].id : null }
}

/** Messages after a given id, oldest first (what an open thread page has not shown yet). */
export async function messagesAfter(
  conversationId: number,
  afterId: number
): Promise<ThreadMessage[]> {
  const rows = await db
    .from('messages')
    .where('conversation_id', conversationId)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(THREAD_PAGE_SIZE)
    .select('id', 'sender_id', 'body', 'created_at', 'hidden_at')
  return rows.map(toMessage)
}
