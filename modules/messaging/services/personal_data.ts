import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import type { PersonalDataSection } from '#modules/privacy/index'

/**
 * The resident's threads: each with the other person by display name
 * only, and its messages (theirs marked as sent by them). Erasure keeps
 * the threads (the other person still needs them, signed "former
 * resident") and deletes the resident's blocks.
 */
export const messagingPersonalData: PersonalDataSection = {
  name: 'messaging',

  async export(userId: number) {
    const conversations = await db
      .from('conversations')
      .where((query) => query.where('user_low_id', userId).orWhere('user_high_id', userId))
      .orderBy('id')
      .select('id', 'user_low_id', 'user_high_id', 'subject_title', 'created_at')
    const otherIds = conversations.map((row) =>
      Number(row.user_low_id) === userId ? Number(row.user_high_id) : Number(row.user_low_id)
    )
    const names = await accounts.displayNames(otherIds)
    const threads = []
    for (const [index, conversation] of conversations.entries()) {
      const messages = await db
        .from('messages')
        .where('conversation_id', conversation.id)
        .orderBy('id')
        .select('sender_id', 'body', 'created_at')
      threads.push({
        with: names.get(otherIds[index]) ?? null,
        subject: conversation.subject_title,
        startedAt: conversation.created_at,
        messages: messages.map((message) => ({
          fromMe: Number(message.sender_id) === userId,
          body: message.body,
          sentAt: message.created_at,
        })),
      })
    }
    const blocked = await db.from('blocks').where('blocker_id', userId).select('blocked_id')
    const blockedNames = await accounts.displayNames(blocked.map((row) => Number(row.blocked_id)))
    return { threads, blocked: [...blockedNames.values()] }
  },

  async erase(userId: number, trx) {
    await trx
      .from('blocks')
      .where((query) => query.where('blocker_id', userId).orWhere('blocked_id', userId))
      .delete()
  },
}
