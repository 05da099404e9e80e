import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What new residents published, to count their posts of the last 24 hours
 * (modules/moderation/services/posting_guard). Written in the same
 * transaction as the post; only the kind and time, no content. Rows go
 * with the account.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('posting_log', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('posting_log')
  }
}
