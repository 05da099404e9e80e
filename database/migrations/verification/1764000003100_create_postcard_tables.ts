import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Postcard verification. A resident asks for a card to their home
 * (postcard_requests); an operator gathers the waiting requests into a
 * print batch (postcard_batches), which gives each one a code, then marks
 * the batch posted. The code is stored as an HMAC (checked when typed) and,
 * only until posting, encrypted (so the print page and CSV can be produced
 * again); never in plain text.
 *
 * requested -> printed -> posted -> used, or locked (5 wrong tries),
 * expired (60 days) or cancelled (a new card replaced it, the resident
 * moved or got verified another way).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('postcard_batches', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('created_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.integer('size').notNullable()
      table.timestamp('posted_at', { useTz: true }).nullable()
      table
        .bigInteger('posted_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['created_at'])
    })

    this.schema.createTable('postcard_requests', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('batch_id')
        .nullable()
        .references('id')
        .inTable('postcard_batches')
        .onDelete('SET NULL')
      /** The address block, as the resident confirmed it. */
      table.string('recipient_name', 60).notNullable()
      table.string('complement', 60).nullable()
      table.string('street', 100).notNullable()
      table.string('postcode', 5).notNullable()
      table.string('town', 60).notNullable()
      /** Street and postcode without case, accents, punctuation or spaces: 3 cards per address per year. */
      table.string('address_key', 160).notNullable()
      /** The resident's home label when they asked: a code does not prove a home they have left. */
      table.string('home_label', 200).notNullable()
      table.string('status', 10).notNullable().defaultTo('requested')
      /** HMAC-SHA256 (APP_KEY) of the code, hex. */
      table.string('code_hash', 64).nullable()
      /** The code encrypted with APP_KEY, wiped once posted (or dead). */
      table.text('code_encrypted').nullable()
      table.smallint('failed_attempts').notNullable().defaultTo(0)
      table.timestamp('requested_at', { useTz: true }).notNullable()
      table.timestamp('posted_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('locked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['user_id', 'requested_at'])
      table.index(['address_key', 'requested_at'])
      table.index(['status', 'requested_at'])
      table.index(['batch_id'])
    })
    this.schema.raw(`
      ALTER TABLE postcard_requests
        ADD CONSTRAINT postcard_requests_status_check
          CHECK (status IN ('requested', 'printed', 'posted', 'used', 'locked', 'expired', 'cancelled')),
        ADD CONSTRAINT postcard_requests_postcode_check CHECK (postcode ~ '^[0-9]{5}$'),
        ADD CONSTRAINT postcard_requests_attempts_check CHECK (failed_attempts BETWEEN 0 AND 5),
        ADD CONSTRAINT postcard_requests_hash_check
          CHECK (code_hash IS NULL OR code_hash ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT postcard_requests_code_check
          CHECK (status IN ('requested', 'cancelled') OR code_hash IS NOT NULL),
        ADD CONSTRAINT postcard_requests_encrypted_check
          CHECK (code_encrypted IS NULL OR status = 'printed')
    `)
    /** One card in progress per resident (a double submit cannot make two). */
    this.schema.raw(`
      CREATE UNIQUE INDEX postcard_requests_one_open
        ON postcard_requests (user_id) WHERE status IN ('requested', 'printed', 'posted')
    `)
  }

  async down() {
    this.schema.dropTable('postcard_requests')
    this.schema.dropTable('postcard_batches')
  }
}
