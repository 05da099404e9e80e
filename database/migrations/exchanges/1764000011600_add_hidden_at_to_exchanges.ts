import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moderation: an exchange hidden pending review or by a moderator. Hidden
 * rows are rare, so the feed's partial indexes stay as they are and the
 * feed filters them out as it reads.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('exchanges', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('exchanges', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
