import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Exchanges: offers and requests between neighbours (barter, service,
 * loan, gift, ride). Stored with the neighbourhood and town of the
 * author's home when posted, which is what the scope rule reads, and the
 * street name only (never an address). A stated price is shown, never
 * collected (null: free).
 *
 * Lifecycle: open -> agreed (a respondent chosen) -> done; or cancelled
 * by the author; or expired (nobody agreed before expires_at). Loans
 * carry a return date and are done once the lender confirms the return.
 */
export default class extends BaseSchema {
  protected tableName = 'exchanges'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('author_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('direction', 7).notNullable()
      table.string('kind', 7).notNullable()
      /** Null for rides (a trip has no category). */
      table.string('category', 10).nullable()
      table.string('title', 100).notNullable()
      table.text('description').notNullable()
      /** Integer cents; null means free. Settled hand to hand, never through the site. */
      table.integer('price_cents').nullable()
      table.date('available_from').nullable()
      table.date('available_until').nullable()
      table.string('scope', 13).notNullable()
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table
        .bigInteger('town_id')
        .notNullable()
        .references('id')
        .inTable('towns')
        .onDelete('CASCADE')
      /** The author's street when posting (shown beside their name); no number. */
      table.string('author_street', 120).nullable()
      table.string('status', 9).notNullable().defaultTo('open')
      table
        .bigInteger('agreed_with_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('agreed_at', { useTz: true }).nullable()
      /** Loans: when the object is due back, the reminder sent, the lender's confirmation. */
      table.date('return_due_on').nullable()
      table.timestamp('return_reminded_at', { useTz: true }).nullable()
      table.timestamp('returned_at', { useTz: true }).nullable()
      /** When it became done, cancelled or expired. */
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('expiry_reminded_at', { useTz: true }).nullable()
      /** Extended once by the author (from the reminder). */
      table.timestamp('extended_at', { useTz: true }).nullable()
      /** Millisecond precision, as the feed's cursor (a JS Date): its keyset compares it exactly. */
      table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['author_id', 'published_at'], 'exchanges_author_index')
    })

    this.schema.raw(`
      ALTER TABLE exchanges
        ADD CONSTRAINT exchanges_direction_check CHECK (direction IN ('offer', 'request')),
        ADD CONSTRAINT exchanges_kind_check
          CHECK (kind IN ('barter', 'service', 'loan', 'gift', 'ride')),
        ADD CONSTRAINT exchanges_category_check CHECK (
          (kind = 'ride' AND category IS NULL) OR (kind <> 'ride' AND category IN (
            'tools', 'garden', 'children', 'diy', 'computing', 'moving', 'food', 'books',
            'clothes', 'animals', 'other'))),
        ADD CONSTRAINT exchanges_scope_check CHECK (scope IN ('neighbourhood', 'nearby', 'town')),
        ADD CONSTRAINT exchanges_status_check
          CHECK (status IN ('open', 'agreed', 'done', 'cancelled', 'expired')),
        ADD CONSTRAINT exchanges_title_check CHECK (char_length(title) BETWEEN 3 AND 100),
        ADD CONSTRAINT exchanges_description_check
          CHECK (char_length(description) BETWEEN 10 AND 2000),
        ADD CONSTRAINT exchanges_price_check
          CHECK (price_cents IS NULL OR price_cents BETWEEN 1 AND 1000000),
        ADD CONSTRAINT exchanges_availability_check
          CHECK (available_until IS NULL OR available_from IS NULL OR available_until >= available_from),
        ADD CONSTRAINT exchanges_return_check CHECK (return_due_on IS NULL OR kind = 'loan')
    `)

    /** Full-text search in French and English, accents ignored; the title weighs more. */
    this.schema.raw(`
      ALTER TABLE exchanges ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title), 'A')
        || to_tsvector('quartier_fr', description)
        || to_tsvector('quartier_en', title || ' ' || description)
      ) STORED
    `)
    this.schema.raw('CREATE INDEX exchanges_search_gin ON exchanges USING gin (search)')

    /**
     * The feed reads open items newest first, by branch of the scope
     * rule: everything of one neighbourhood; nearby-or-wider items of
     * nearby neighbourhoods; town items of a town. Each branch walks its
     * index in order and stops at the page size.
     */
    this.schema.raw(`
      CREATE INDEX exchanges_feed_neighbourhood
        ON exchanges (neighbourhood_id, published_at DESC, id DESC) WHERE status = 'open'
    `)
    this.schema.raw(`
      CREATE INDEX exchanges_feed_nearby
        ON exchanges (neighbourhood_id, published_at DESC, id DESC)
        WHERE status = 'open' AND scope IN ('nearby', 'town')
    `)
    this.schema.raw(`
      CREATE INDEX exchanges_feed_town
        ON exchanges (town_id, published_at DESC, id DESC)
        WHERE status = 'open' AND scope = 'town'
    `)
    /** The hourly jobs: open items coming to their end, loans coming due. */
    this.schema.raw(`
      CREATE INDEX exchanges_open_expiry ON exchanges (expires_at) WHERE status = 'open'
    `)
    this.schema.raw(`
      CREATE INDEX exchanges_loans_due ON exchanges (return_due_on)
        WHERE status = 'agreed' AND kind = 'loan' AND return_reminded_at IS NULL
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
