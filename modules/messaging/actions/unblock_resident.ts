import db from '@adonisjs/lucid/services/db'

/** A resident lifts their own block (a block by the other side stays). Idempotent. */
export default class UnblockResident {
  async execute(input: { blockerId: number; blockedId: number }): Promise<void> {
    await db
      .from('blocks')
      .where('blocker_id', input.blockerId)
      .where('blocked_id', input.blockedId)
      .delete()
  }
}
