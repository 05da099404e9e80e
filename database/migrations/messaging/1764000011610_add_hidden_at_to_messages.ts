import { BaseSchema } from '@adonisjs/lucid/schema'

/** Moderation: a message hidden from its recipient (its sender still sees it, with a notice). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('messages', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('messages', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
