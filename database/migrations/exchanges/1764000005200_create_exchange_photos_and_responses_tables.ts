import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * exchange_photos: up to 4 per exchange, re-encoded (no EXIF, no
 * payload) and stored on the Drive disk under a random name; served only
 * through an access-checked route. Deleted (file and row) once the
 * exchange is done, cancelled or expired.
 *
 * exchange_responses: who answered "I'm interested" / "I can help", and
 * the private conversation it opened; the author agrees with one of them.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('exchange_photos', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('exchange_id')
        .notNullable()
        .references('id')
        .inTable('exchanges')
        .onDelete('CASCADE')
      table.string('storage_key', 100).notNullable().unique()
      table.string('content_type', 20).notNullable()
      table.integer('byte_size').notNullable()
      table.integer('width').notNullable()
      table.integer('height').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['exchange_id', 'id'])
    })
    this.schema.raw(`
      ALTER TABLE exchange_photos ADD CONSTRAINT exchange_photos_type_check
        CHECK (content_type IN ('image/jpeg', 'image/png'))
    `)

    this.schema.createTable('exchange_responses', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('exchange_id')
        .notNullable()
        .references('id')
        .inTable('exchanges')
        .onDelete('CASCADE')
      table
        .bigInteger('respondent_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** The conversation with the author (messaging module). */
      table.bigInteger('conversation_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['exchange_id', 'respondent_id'])
      table.index(['respondent_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('exchange_responses')
    this.schema.dropTable('exchange_photos')
  }
}
