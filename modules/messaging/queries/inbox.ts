import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { INBOX_PAGE_SIZE, excerptOf } from '#modules/messaging/services/rules'
import { shownName } from '#modules/messaging/services/names'

export interface InboxEntry {
  id: number
  otherName: string
  subjectTitle: string | null
  excerpt: string | null
  lastFromViewer: boolean
  lastMessageAt: Date | null
  unread: number
}

/**
 * A resident's conversations, most recently active first (a conversation
 * without messages yet by its creation), keyset-paged: `after` is the id
 * of the last conversation of the previous page. Names are read in one
 * query for the page (a former resident's label in the viewer's `locale`).
 */
export async function inboxPage(
  viewerId: number,
  after: number | null,
  locale?: string
): Promise<{ entries: InboxEntry[]; nextAfter: number | null }> {
  const { rows } = await db.rawQuery(
    `SELECT c.id, c.subject_title, c.last_message_at, other.user_id AS other_id,
            last.body AS last_body, last.sender_id AS last_sender_id,
            (SELECT count(*)::int FROM messages m
              WHERE m.conversation_id = c.id AND m.id > me.last_read_message_id
                AND m.sender_id <> me.user_id) AS unread
       FROM conversation_participants me
       JOIN conversations c ON c.id = me.conversation_id
       JOIN conversation_participants other
         ON other.conversation_id = c.id AND other.user_id <> me.user_id
       LEFT JOIN LATERAL (
         SELECT m.body, m.sender_id FROM messages m
          WHERE m.conversation_id = c.id AND (m.hidden_at IS NULL OR m.sender_id = me.user_id)
          ORDER BY m.id DESC LIMIT 1
       ) last ON true
      WHERE me.user_id = ?
        ${
          after === null
            ? ''
            : `AND (COALESCE(c.last_message_at, c.created_at), c.id) <
                   (SELECT COALESCE(k.last_message_at, k.created_at), k.id
                      FROM conversations k WHERE k.id = ?)`
        }
      ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC
      LIMIT ?`,
    after === null ? [viewerId, INBOX_PAGE_SIZE + 1] : [viewerId, after, INBOX_PAGE_SIZE + 1]
  )
  const page = rows.slice(0, INBOX_PAGE_SIZE)
  const names = await accounts.displayNames(
    page.map((row: { other_id: unknown }) => Number(row.other_id)),
    locale
  )
  const entries = page.map((row: Record<string, unknown>): InboxEntry => ({
    id: Number(row.id),
    otherName: shownName(names.get(Number(row.other_id)) ?? ''),
    subjectTitle: (row.subject_title as string | null) ?? null,
    excerpt: row.last_body ? excerptOf(String(row.last_body)) : null,
    lastFromViewer: Number(row.last_sender_id) === viewerId,
    lastMessageAt: (row.last_message_at as Date | null) ?? null,
    unread: Number(row.unread),
  }))
  const more = rows.length > INBOX_PAGE_SIZE
  return { entries, nextAfter: more && entries.length ? entries[entries.length - 1].id : null }
}
