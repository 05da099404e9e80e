import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Addresses without an account that stopped invitations (sha256 of the
 * trimmed, lower-cased address, never the address itself), and used
 * unsubscribe links that belong to no account (their user_id is null).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('mail_opt_outs', (table) => {
      table.specificType('address_hash', 'char(64)').primary()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE unsubscribe_tokens_used ALTER COLUMN user_id DROP NOT NULL`)
  }

  async down() {
    this.schema.raw(`DELETE FROM unsubscribe_tokens_used WHERE user_id IS NULL`)
    this.schema.raw(`ALTER TABLE unsubscribe_tokens_used ALTER COLUMN user_id SET NOT NULL`)
    this.schema.dropTable('mail_opt_outs')
  }
}
