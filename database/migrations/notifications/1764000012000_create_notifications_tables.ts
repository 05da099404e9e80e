import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The notification centre: one row per thing a resident was told (what
 * the mail said, as translation keys and values, so it reads in the
 * language of whoever opens the page), their per-type e-mail choices, their
 * digest rhythm, and the unsubscribe links already used (each works once).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type', 60).notNullable()
      /** Translation prefix (subject, intro, action, outro). */
      table.string('keys', 120).notNullable()
      table.jsonb('values').notNullable().defaultTo('{}')
      /** A path of this site (checked again when opened). */
      table.string('path', 500).notNullable()
      table.timestamp('read_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable()
    })
    /** The centre's pages (newest first, keyset on (created_at, id)). */
    this.schema.raw(
      `CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC, id DESC)`
    )
    /** The header's unread badge: only unread rows, so counting stays cheap. */
    this.schema.raw(
      `CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL`
    )

    /** Only choices that differ from a type's default are stored. */
    this.schema.createTable('notification_preferences', (table) => {
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type', 60).notNullable()
      table.boolean('email').notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.primary(['user_id', 'type'])
    })

    /** No row: the default rhythm (see services/digest_rules.ts). */
    this.schema.createTable('notification_digests', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.string('frequency', 8).notNullable()
      /** Millisecond precision: the digest job claims a resident by comparing it. */
      table.timestamp('last_digest_at', { useTz: true, precision: 3 }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`
      ALTER TABLE notification_digests
        ADD CONSTRAINT notification_digests_frequency_check
          CHECK (frequency IN ('off', 'daily', 'weekly'))
    `)

    /** Unsubscribe links already used (by the random id inside the signed token). */
    this.schema.createTable('unsubscribe_tokens_used', (table) => {
      table.uuid('token_id').primary()
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('used_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('unsubscribe_tokens_used')
    this.schema.dropTable('notification_digests')
    this.schema.dropTable('notification_preferences')
    this.schema.dropTable('notifications')
  }
}
