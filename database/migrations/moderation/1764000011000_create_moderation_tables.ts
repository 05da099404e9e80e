import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reports and moderation. Content lives in its own module's tables: here
 * it is named by (kind, content_id), with the neighbourhood whose
 * moderators look after it copied at report time (their queue reads it).
 *
 * - reports: one per reporter and content (unique); `counts` says whether
 *   the reporter was verified when reporting (only those hide content
 *   automatically); reporter_id becomes null when they erase their account.
 * - moderation_actions: every decision, automatic ones included (no
 *   moderator); the public log reads it without the reporter or excerpt.
 * - sanctions: warn, suspend (until) or ban a resident; lifted on appeal.
 * - appeals: one per action, decided by an operator.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('reports', (table) => {
      table.bigIncrements('id')
      table.string('kind', 20).notNullable()
      table.bigInteger('content_id').notNullable()
      table
        .bigInteger('reporter_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .bigInteger('author_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.string('reason', 20).notNullable()
      table.string('note', 500).nullable()
      table.boolean('counts').notNullable().defaultTo(false)
      table.string('status', 10).notNullable().defaultTo('open')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('resolved_at', { useTz: true }).nullable()
      table.index(['kind', 'content_id'])
      table.index(['reporter_id'])
    })
    this.schema.raw(`
      ALTER TABLE reports
        ADD CONSTRAINT reports_reason_check CHECK (reason IN
          ('insult', 'harassment', 'spam', 'scam', 'dangerous', 'personal_data', 'other')),
        ADD CONSTRAINT reports_status_check CHECK (status IN ('open', 'dismissed', 'actioned'))
    `)
    this.schema.raw(`
      CREATE UNIQUE INDEX reports_one_per_reporter ON reports (kind, content_id, reporter_id)
    `)
    this.schema.raw(`
      CREATE INDEX reports_open_queue ON reports (neighbourhood_id, created_at) WHERE status = 'open'
    `)

    this.schema.createTable('moderation_actions', (table) => {
      table.bigIncrements('id')
      table.string('kind', 20).notNullable()
      table.bigInteger('content_id').notNullable()
      table.string('action', 20).notNullable()
      table.string('reason', 500).notNullable()
      /** Null: decided automatically (three reports). */
      table
        .bigInteger('moderator_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .bigInteger('author_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      /** Appeal decisions point at the action they decide on. */
      table
        .bigInteger('appealed_action_id')
        .nullable()
        .references('id')
        .inTable('moderation_actions')
        .onDelete('SET NULL')
      table.timestamp('until', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['neighbourhood_id', 'created_at'])
      table.index(['author_id'])
    })
    this.schema.raw(`
      ALTER TABLE moderation_actions ADD CONSTRAINT moderation_actions_action_check CHECK (action IN
        ('auto_hide', 'dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban',
         'appeal_upheld', 'appeal_overturned'))
    `)

    this.schema.createTable('sanctions', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 7).notNullable()
      table.string('reason', 500).notNullable()
      /** Null for a ban (and a warning): no end. */
      table.timestamp('until', { useTz: true }).nullable()
      table
        .bigInteger('action_id')
        .notNullable()
        .references('id')
        .inTable('moderation_actions')
        .onDelete('CASCADE')
      table.timestamp('lifted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`
      ALTER TABLE sanctions ADD CONSTRAINT sanctions_kind_check CHECK (kind IN ('warn', 'suspend', 'ban'))
    `)
    /** The middleware asks on every signed-in request: only standing restrictions are indexed. */
    this.schema.raw(`
      CREATE INDEX sanctions_standing ON sanctions (user_id)
        WHERE kind IN ('suspend', 'ban') AND lifted_at IS NULL
    `)

    this.schema.createTable('appeals', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('action_id')
        .notNullable()
        .unique()
        .references('id')
        .inTable('moderation_actions')
        .onDelete('CASCADE')
      table
        .bigInteger('author_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.text('text').notNullable()
      table.string('status', 10).notNullable().defaultTo('pending')
      table
        .bigInteger('decided_by')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('decision_reason', 500).nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['author_id'])
    })
    this.schema.raw(`
      ALTER TABLE appeals
        ADD CONSTRAINT appeals_status_check CHECK (status IN ('pending', 'upheld', 'overturned')),
        ADD CONSTRAINT appeals_text_check CHECK (char_length(text) BETWEEN 10 AND 2000)
    `)
    this.schema.raw(`CREATE INDEX appeals_pending ON appeals (created_at) WHERE status = 'pending'`)
  }

  async down() {
    this.schema.dropTable('appeals')
    this.schema.dropTable('sanctions')
    this.schema.dropTable('moderation_actions')
    this.schema.dropTable('reports')
  }
}
