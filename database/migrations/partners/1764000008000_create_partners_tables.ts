import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Partner plugins (issue 8): offers cached per neighbourhood, the per-town
 * on/off switch, call statistics and the residents' clicks.
 *
 * - partner_offers: what a plugin answered for a neighbourhood's search
 *   area, validated; the feed reads it (never the plugin). A row lives
 *   until expires_at (the offer's own expiry or the cache TTL, whichever
 *   comes first); a successful refresh replaces a neighbourhood's rows.
 *   published_at is when the offer was first seen, so a refresh does not
 *   push the same offer back to the top of the feed.
 * - partner_town_switches: an operator's choice per plugin and town; no
 *   row means on (a configured plugin works at once).
 * - partner_plugin_stats: counters and recent durations, added to by every
 *   process (web and worker) from its in-memory deltas.
 * - partner_clicks: who followed which offer, when.
 * - partner_refreshes: when each neighbourhood was last refreshed, so a
 *   run capped in size starts with those waiting longest.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('partner_offers', (table) => {
      table.bigIncrements('id')
      table.string('plugin_id', 40).notNullable()
      table.string('offer_id', 200).notNullable()
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
      /** Who may see it, read by the feed's scope rule (partner offers stay in their neighbourhood). */
      table.string('scope', 13).notNullable().defaultTo('neighbourhood')
      table.string('kind', 10).notNullable()
      table.string('title', 120).notNullable()
      table.string('summary', 500).notNullable().defaultTo('')
      /** The validated PartnerOffer as JSON (dates as ISO strings), handed back to booking.link. */
      table.jsonb('offer').notNullable()
      /** Distance from the neighbourhood's centre, for keeping the nearest offers. */
      table.integer('distance_m').nullable()
      table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable()
      table.timestamp('fetched_at', { useTz: true }).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.unique(['plugin_id', 'neighbourhood_id', 'offer_id'])
      table.index(['expires_at'], 'partner_offers_expiry')
    })
    this.schema.raw(`
      ALTER TABLE partner_offers
        ADD CONSTRAINT partner_offers_kind_check
          CHECK (kind IN ('ride', 'car', 'storage', 'other')),
        ADD CONSTRAINT partner_offers_scope_check
          CHECK (scope IN ('neighbourhood', 'nearby', 'town'))
    `)
    this.schema.raw(`
      ALTER TABLE partner_offers ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title), 'A')
        || to_tsvector('quartier_fr', summary)
        || to_tsvector('quartier_en', title || ' ' || summary)
      ) STORED
    `)
    this.schema.raw('CREATE INDEX partner_offers_search_gin ON partner_offers USING gin (search)')
    /** The feed: one neighbourhood's offers, newest first. */
    this.schema.raw(`
      CREATE INDEX partner_offers_feed
        ON partner_offers (neighbourhood_id, published_at DESC, id DESC)
    `)

    this.schema.createTable('partner_town_switches', (table) => {
      table.string('plugin_id', 40).notNullable()
      table
        .bigInteger('town_id')
        .notNullable()
        .references('id')
        .inTable('towns')
        .onDelete('CASCADE')
      table.boolean('enabled').notNullable()
      table
        .bigInteger('changed_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.primary(['plugin_id', 'town_id'])
    })

    this.schema.createTable('partner_plugin_stats', (table) => {
      table.string('plugin_id', 40).primary()
      table.bigInteger('calls').notNullable().defaultTo(0)
      table.bigInteger('failures').notNullable().defaultTo(0)
      table.bigInteger('timeouts').notNullable().defaultTo(0)
      /** Calls refused while the circuit breaker was open, or when the plugin was too busy. */
      table.bigInteger('rejected').notNullable().defaultTo(0)
      /** Offers dropped because they failed validation or exceeded the caps. */
      table.bigInteger('invalid_offers').notNullable().defaultTo(0)
      table.string('last_error', 500).nullable()
      table.timestamp('last_error_at', { useTz: true }).nullable()
      table.timestamp('last_success_at', { useTz: true }).nullable()
      /** The most recent call durations (at most 200), for p50/p95. */
      table.specificType('durations_ms', 'integer[]').notNullable().defaultTo('{}')
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('partner_clicks', (table) => {
      table.bigIncrements('id')
      table.string('plugin_id', 40).notNullable()
      table.string('offer_id', 200).notNullable()
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('neighbourhood_id')
        .nullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('SET NULL')
      /** Where the resident was sent: the plugin's booking link, or the offer's own link. */
      table.string('link_source', 8).notNullable()
      table.timestamp('clicked_at', { useTz: true }).notNullable()
      table.index(['plugin_id', 'clicked_at'])
    })

    this.schema.createTable('partner_refreshes', (table) => {
      table
        .bigInteger('neighbourhood_id')
        .primary()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.timestamp('refreshed_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('partner_refreshes')
    this.schema.dropTable('partner_clicks')
    this.schema.dropTable('partner_plugin_stats')
    this.schema.dropTable('partner_town_switches')
    this.schema.dropTable('partner_offers')
  }
}
