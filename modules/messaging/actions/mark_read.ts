import db from '@adonisjs/lucid/services/db'

/**
 * A participant has seen the conversation up to `messageId`: the read
 * mark only moves forward (an older page or a late request never makes
 * read messages unread again).
 */
export default class MarkRead {
  async execute(input: { conversationId: number; userId: number; messageId: number }) {
    await db
      .from('conversation_participants')
      .where('conversation_id', input.conversationId)
      .where('user_id', input.userId)
      .where('last_read_message_id', '<', input.messageId)
      .update({ last_read_message_id: input.messageId, last_read_at: new Date() })
  }
}
