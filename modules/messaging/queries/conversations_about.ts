import db from '@adonisjs/lucid/services/db'

/** A resident's conversations about one subject (e.g. the responses to their exchange). */
export async function conversationsAbout(
  subject: { type: string; id: number },
  participantId: number
): Promise<{ id: number; otherId: number; lastMessageAt: Date | null }[]> {
  const { rows } = await db.rawQuery(
    `SELECT c.id, other.user_id AS other_id, c.last_message_at
       FROM conversations c
       JOIN conversation_participants me ON me.conversation_id = c.id AND me.user_id = ?
       JOIN conversation_participants other ON other.conversation_id = c.id AND other.user_id <> ?
      WHERE c.subject_type = ? AND c.subject_id = ?
      ORDER BY c.last_message_at DESC NULLS LAST, c.id DESC`,
    [participantId, participantId, subject.type, subject.id]
  )
  return rows.map((row: { id: unknown; other_id: unknown; last_message_at: Date | null }) => ({
    id: Number(row.id),
    otherId: Number(row.other_id),
    lastMessageAt: row.last_message_at,
  }))
}
