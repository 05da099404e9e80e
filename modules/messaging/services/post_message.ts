import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Writes a message inside the caller's transaction: the row, the
 * conversation's activity time, and the sender's read mark (what one
 * writes is read).
 */
export async function insertMessage(
  trx: TransactionClientContract,
  input: { conversationId: number; senderId: number; body: string }
): Promise<number> {
  const now = new Date()
  const [row] = await trx
    .table('messages')
    .insert({
      conversation_id: input.conversationId,
      sender_id: input.senderId,
      body: input.body,
      created_at: now,
    })
    .returning('id')
  const messageId = Number(row.id ?? row)
  await trx.from('conversations').where('id', input.conversationId).update({ last_message_at: now })
  await trx
    .from('conversation_participants')
    .where('conversation_id', input.conversationId)
    .where('user_id', input.senderId)
    .update({ last_read_message_id: messageId, last_read_at: now })
  return messageId
}
