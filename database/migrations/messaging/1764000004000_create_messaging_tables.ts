import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Private messages between residents.
 *
 * - conversations: one per pair of residents and subject (an exchange...),
 *   or one "direct" per pair (no subject): the pair is stored ordered
 *   (user_low_id < user_high_id) under a unique index where NULL subjects
 *   count as equal. The subject's title and path are copied so the inbox
 *   needs no other module's tables.
 * - conversation_participants: each side's read mark (the last message id
 *   read: greater ids are unread) and when they were last mailed about
 *   unread messages.
 * - messages: plain text, keyset-paged by (conversation_id, id).
 * - blocks: who blocked whom; either direction stops messages both ways.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('conversations', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_low_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('user_high_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('subject_type', 30).nullable()
      table.bigInteger('subject_id').nullable()
      table.string('subject_title', 200).nullable()
      table.string('subject_url', 300).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('last_message_at', { useTz: true }).nullable()
    })
    this.schema.raw(`
      ALTER TABLE conversations
        ADD CONSTRAINT conversations_ordered_pair_check CHECK (user_low_id < user_high_id),
        ADD CONSTRAINT conversations_subject_check
          CHECK ((subject_type IS NULL) = (subject_id IS NULL))
    `)
    this.schema.raw(`
      CREATE UNIQUE INDEX conversations_one_per_pair_and_subject
        ON conversations (user_low_id, user_high_id, subject_type, subject_id) NULLS NOT DISTINCT
    `)
    this.schema.raw(`
      CREATE INDEX conversations_subject_index ON conversations (subject_type, subject_id)
        WHERE subject_type IS NOT NULL
    `)

    this.schema.createTable('conversation_participants', (table) => {
      table
        .bigInteger('conversation_id')
        .notNullable()
        .references('id')
        .inTable('conversations')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.bigInteger('last_read_message_id').notNullable().defaultTo(0)
      table.timestamp('last_read_at', { useTz: true }).nullable()
      table.timestamp('last_unread_mail_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.primary(['conversation_id', 'user_id'])
      /** The inbox and the header's unread count start from the resident. */
      table.index(['user_id', 'conversation_id'])
    })

    this.schema.createTable('messages', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('conversation_id')
        .notNullable()
        .references('id')
        .inTable('conversations')
        .onDelete('CASCADE')
      table
        .bigInteger('sender_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.text('body').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['conversation_id', 'id'])
    })
    this.schema.raw(`
      ALTER TABLE messages
        ADD CONSTRAINT messages_body_length_check
          CHECK (char_length(body) BETWEEN 1 AND 2000)
    `)

    this.schema.createTable('blocks', (table) => {
      table
        .bigInteger('blocker_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('blocked_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.primary(['blocker_id', 'blocked_id'])
      table.index(['blocked_id'])
    })
    this.schema.raw(`
      ALTER TABLE blocks ADD CONSTRAINT blocks_not_self_check CHECK (blocker_id <> blocked_id)
    `)
  }

  async down() {
    this.schema.dropTable('blocks')
    this.schema.dropTable('messages')
    this.schema.dropTable('conversation_participants')
    this.schema.dropTable('conversations')
  }
}
