import { preparedRows } from '#app/database/prepared'

/**
 * Messages a resident has not read yet, across their conversations: one
 * query on the participants' user index and messages (conversation_id,
 * id). Runs for every signed-in page (header count).
 */
export async function unreadCount(userId: number): Promise<number> {
  const rows = await preparedRows<any>(
    `SELECT count(*)::int AS unread
       FROM conversation_participants p
       JOIN messages m ON m.conversation_id = p.conversation_id
                      AND m.id > p.last_read_message_id
      WHERE p.user_id = ? AND m.sender_id <> ?`,
    [userId, userId]
  )
  return Number(rows[0]?.unread ?? 0)
}
