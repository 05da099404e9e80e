import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome } from '#modules/neighbourhoods/index'
import type { Reportable, ReportedContent } from '#modules/moderation/index'
import { conversationPath } from '#modules/messaging/index'

interface MessageRow {
  id: number | string
  conversation_id: number | string
  sender_id: number | string
  body: string
  hidden_at: Date | null
}

/**
 * A message as moderation sees it. Its moderators are those of the
 * sender's neighbourhood (the reporter's when the sender has no home).
 */
async function reported(
  row: MessageRow,
  fallbackUserId: number | null,
  trx?: TransactionClientContract
): Promise<ReportedContent | null> {
  const home =
    (await residentHome(Number(row.sender_id), { trx })) ??
    (fallbackUserId === null ? null : await residentHome(fallbackUserId, { trx }))
  if (!home?.neighbourhoodId) return null
  return {
    authorId: Number(row.sender_id),
    neighbourhoodId: Number(home.neighbourhoodId),
    excerpt: row.body.slice(0, 600),
    path: `${conversationPath(Number(row.conversation_id))}#message-${row.id}`,
    hidden: row.hidden_at !== null,
  }
}

/** Messages: reported by the other participant; removing deletes the message. */
export const messageReportable: Reportable = {
  kind: 'message',

  async locate(id, viewerId) {
    const row = await db
      .from('messages as m')
      .join('conversation_participants as p', 'p.conversation_id', 'm.conversation_id')
      .where('m.id', id)
      .where('p.user_id', viewerId)
      .whereRaw('(m.hidden_at IS NULL OR m.sender_id = ?)', [viewerId])
      .select('m.id', 'm.conversation_id', 'm.sender_id', 'm.body', 'm.hidden_at')
      .first()
    return row ? reported(row, viewerId) : null
  },

  async find(id, trx) {
    const row = await (trx ?? db)
      .from('messages')
      .where('id', id)
      .select('id', 'conversation_id', 'sender_id', 'body', 'hidden_at')
      .first()
    if (!row) return null
    const other = await (trx ?? db)
      .from('conversation_participants')
      .where('conversation_id', row.conversation_id)
      .whereNot('user_id', row.sender_id)
      .select('user_id')
      .first()
    return reported(row, other ? Number(other.user_id) : null, trx)
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('messages')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null })
  },

  async remove(id, trx) {
    await trx.from('messages').where('id', id).delete()
  },
}
