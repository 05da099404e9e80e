import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Addresses of accounts erased in the last day (sha256 of the trimmed,
 * lower-cased address, never the address itself), so that a mail queued
 * before the erasure and still waiting in a queue the erasure cannot
 * reach (Redis) is not sent. Rows older than a day are purged.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('erased_mail_addresses', (table) => {
      table.specificType('address_hash', 'char(64)').primary()
      table.timestamp('erased_at', { useTz: true }).notNullable().index()
    })
  }

  async down() {
    this.schema.dropTable('erased_mail_addresses')
  }
}
