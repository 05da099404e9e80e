import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Single-use links sent by mail (e-mail confirmation, password reset,
 * e-mail change). Only a SHA-256 of the secret is stored.
 */
export default class extends BaseSchema {
  protected tableName = 'account_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('purpose', 30).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      /** The address the link was sent to (the new one for an e-mail change). */
      table.string('email', 254).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'purpose'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
