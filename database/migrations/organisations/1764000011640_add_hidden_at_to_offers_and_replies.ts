import { BaseSchema } from '@adonisjs/lucid/schema'

/** Moderation: shop offers and notice replies hidden pending review or by a moderator. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('shop_offers', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
    this.schema.alterTable('notice_replies', (table) => {
      table.timestamp('hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('notice_replies', (table) => {
      table.dropColumn('hidden_at')
    })
    this.schema.alterTable('shop_offers', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
