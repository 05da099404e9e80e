import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moderation: an event hidden pending review or by a moderator. Hidden
 * rows are rare: the feed's partial indexes stay, the feed filters them
 * as it reads.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('events', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('events', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
