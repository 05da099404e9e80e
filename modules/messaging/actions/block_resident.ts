import db from '@adonisjs/lucid/services/db'

/**
 * A resident blocks the other participant of one of their conversations:
 * no message either way from now on, in any of their conversations. What
 * the blocked resident had sent is marked read for the blocker (no count,
 * no mail about it). Idempotent.
 */
export default class BlockResident {
  async execute(input: { blockerId: number; blockedId: number }): Promise<void> {
    await db.transaction(async (trx) => {
      await trx
        .table('blocks')
        .insert({
          blocker_id: input.blockerId,
          blocked_id: input.blockedId,
          created_at: new Date(),
        })
        .onConflict(['blocker_id', 'blocked_id'])
        .ignore()
      await trx.rawQuery(
        `UPDATE conversation_participants p
            SET last_read_message_id = latest.id, last_read_at = now()
           FROM conversations c,
                LATERAL (SELECT max(m.id) AS id FROM messages m WHERE m.conversation_id = c.id) latest
          WHERE p.user_id = ? AND p.conversation_id = c.id
            AND ((c.user_low_id = ? AND c.user_high_id = ?) OR (c.user_low_id = ? AND c.user_high_id = ?))
            AND latest.id > p.last_read_message_id`,
        [input.blockerId, input.blockerId, input.blockedId, input.blockedId, input.blockerId]
      )
    })
  }
}
