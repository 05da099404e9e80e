import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invitations to join a neighbourhood: by e-mail, by SMS (personal, used
 * once) or printed on a letter or flyer (used by many until it expires).
 * The code is stored as is: it is printed on paper and only says "join
 * this neighbourhood", it opens no account.
 */
export default class extends BaseSchema {
  protected tableName = 'invitations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table
        .bigInteger('inviter_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** email | sms | letter */
      table.string('channel', 6).notNullable()
      /** neighbour | association | town_hall */
      table.string('audience', 12).notNullable()
      /** An e-mail address or an E.164 phone number; null for letters. */
      table.string('recipient', 254).nullable()
      /** The personal message of an e-mail invitation. */
      table.string('message', 500).nullable()
      /** 10 characters without 0/O/1/I, shown as ABCD-EFGH-JK. */
      table.string('code', 10).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      /**
       * When the mail was queued, the SMS accepted by the provider or the
       * letter printed. Null while sending: such a row is not an
       * invitation yet (it cannot be joined through and is not listed), it
       * only holds the place in the daily limits.
       */
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      /** Daily limits and the inviter's list. */
      table.index(['inviter_id', 'channel', 'created_at'])
      table.index(['neighbourhood_id'])
    })
    this.schema.raw(`
      ALTER TABLE invitations
        ADD CONSTRAINT invitations_channel_check CHECK (channel IN ('email', 'sms', 'letter')),
        ADD CONSTRAINT invitations_audience_check
          CHECK (audience IN ('neighbour', 'association', 'town_hall')),
        ADD CONSTRAINT invitations_recipient_check
          CHECK ((channel = 'letter') = (recipient IS NULL)),
        ADD CONSTRAINT invitations_code_check CHECK (code ~ '^[2-9A-HJ-NP-Z]{10}$')
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
