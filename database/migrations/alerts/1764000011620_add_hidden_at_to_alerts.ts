import { BaseSchema } from '@adonisjs/lucid/schema'

/** Moderation: an alert hidden pending review or by a moderator (its author and moderators still see it). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('alerts', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('alerts', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
