import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Group buys: neighbours pool an order with a supplier. Money is integer
 * cents and quantities integer milli-units (1 kg = 1000), never floats.
 *
 * States: draft -> open -> closed (deadline) -> confirmed (by the
 * supplier, through the organiser) -> delivered -> completed; or failed
 * (threshold not reached at the deadline), or cancelled by the organiser.
 * `total_milli` is the sum of active pledges, kept in the same
 * transaction as each pledge under a row lock on the campaign, so the
 * maximum is never exceeded.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('group_buys', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organiser_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** A Quartier shop organising or supplying (organisations module, later). */
      table.bigInteger('supplier_shop_id').nullable()
      table.string('title', 100).notNullable()
      table.string('product', 100).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.string('unit', 6).notNullable()
      table.string('supplier_name', 120).notNullable()
      table.string('supplier_contact', 200).notNullable().defaultTo('')
      /** Price per whole unit (per kg, per litre, per bag...) before any tier. */
      table.integer('base_unit_price_cents').notNullable()
      table.bigInteger('min_total_milli').notNullable()
      /** Supplier cap; null: no cap. */
      table.bigInteger('max_total_milli').nullable()
      /** Per household (residents at one address); null: no limit. */
      table.bigInteger('household_max_milli').nullable()
      table.timestamp('deadline', { useTz: true }).notNullable()
      table.string('fulfilment', 8).notNullable()
      /** Where to pick up, or the delivery area; shown as written by the organiser. */
      table.string('place_label', 200).notNullable()
      table.date('window_starts_on').notNullable()
      table.date('window_ends_on').notNullable()
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
      table.string('organiser_street', 120).nullable()
      table.string('status', 9).notNullable().defaultTo('draft')
      table.bigInteger('total_milli').notNullable().defaultTo(0)
      /** Unit price of the tier reached, fixed when the campaign closes. */
      table.integer('final_unit_price_cents').nullable()
      table.timestamp('threshold_reached_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('confirmed_at', { useTz: true }).nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('failed_at', { useTz: true }).nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.string('cancel_reason', 500).nullable()
      /** Set when opened; the feed's keyset cursor compares it to the millisecond. */
      table.timestamp('published_at', { useTz: true, precision: 3 }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['organiser_id', 'created_at'], 'group_buys_organiser_index')
    })

    this.schema.raw(`
      ALTER TABLE group_buys
        ADD CONSTRAINT group_buys_unit_check
          CHECK (unit IN ('kg', 'litre', 'bag', 'pallet', 'stere', 'piece', 'tonne', 'm3')),
        ADD CONSTRAINT group_buys_fulfilment_check CHECK (fulfilment IN ('pickup', 'delivery')),
        ADD CONSTRAINT group_buys_scope_check CHECK (scope IN ('neighbourhood', 'nearby', 'town')),
        ADD CONSTRAINT group_buys_status_check CHECK (status IN (
          'draft', 'open', 'closed', 'confirmed', 'delivered', 'completed', 'failed', 'cancelled')),
        ADD CONSTRAINT group_buys_title_check CHECK (char_length(title) BETWEEN 3 AND 100),
        ADD CONSTRAINT group_buys_price_check CHECK (base_unit_price_cents BETWEEN 1 AND 10000000),
        ADD CONSTRAINT group_buys_min_check CHECK (min_total_milli > 0),
        ADD CONSTRAINT group_buys_max_check
          CHECK (max_total_milli IS NULL OR max_total_milli >= min_total_milli),
        ADD CONSTRAINT group_buys_household_check
          CHECK (household_max_milli IS NULL OR household_max_milli > 0),
        ADD CONSTRAINT group_buys_total_check
          CHECK (total_milli >= 0 AND (max_total_milli IS NULL OR total_milli <= max_total_milli)),
        ADD CONSTRAINT group_buys_window_check CHECK (window_ends_on >= window_starts_on)
    `)

    this.schema.raw(`
      ALTER TABLE group_buys ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title || ' ' || product), 'A')
        || to_tsvector('quartier_fr', description)
        || to_tsvector('quartier_en', title || ' ' || product || ' ' || description)
      ) STORED
    `)
    this.schema.raw('CREATE INDEX group_buys_search_gin ON group_buys USING gin (search)')
    /** The feed shows open campaigns, newest first, by branch of the scope rule. */
    this.schema.raw(`
      CREATE INDEX group_buys_feed_neighbourhood
        ON group_buys (neighbourhood_id, published_at DESC, id DESC) WHERE status = 'open'
    `)
    this.schema.raw(`
      CREATE INDEX group_buys_feed_town
        ON group_buys (town_id, published_at DESC, id DESC) WHERE status = 'open'
    `)
    /** The closing job: open campaigns past their deadline. */
    this.schema.raw(
      `CREATE INDEX group_buys_open_deadline ON group_buys (deadline) WHERE status = 'open'`
    )

    /** Price tiers: from this total quantity on, every unit costs this. */
    this.schema.createTable('group_buy_tiers', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('group_buy_id')
        .notNullable()
        .references('id')
        .inTable('group_buys')
        .onDelete('CASCADE')
      table.bigInteger('min_total_milli').notNullable()
      table.integer('unit_price_cents').notNullable()
      table.unique(['group_buy_id', 'min_total_milli'])
    })
    this.schema.raw(`
      ALTER TABLE group_buy_tiers
        ADD CONSTRAINT group_buy_tiers_min_check CHECK (min_total_milli > 0),
        ADD CONSTRAINT group_buy_tiers_price_check CHECK (unit_price_cents BETWEEN 1 AND 10000000)
    `)

    /**
     * One pledge per resident and campaign; cancelling keeps the row
     * (cancelled_at) so the organiser's history stays readable.
     * household_key groups residents living at one address (the limit per
     * household); collected/paid are ticked by the organiser at pickup.
     */
    this.schema.createTable('group_buy_pledges', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('group_buy_id')
        .notNullable()
        .references('id')
        .inTable('group_buys')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('household_key', 64).notNullable()
      table.bigInteger('quantity_milli').notNullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('collected_at', { useTz: true }).nullable()
      table.timestamp('paid_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['group_buy_id', 'user_id'])
      table.index(['user_id'], 'group_buy_pledges_user_index')
      table.index(['group_buy_id', 'household_key'], 'group_buy_pledges_household_index')
    })
    this.schema.raw(`
      ALTER TABLE group_buy_pledges
        ADD CONSTRAINT group_buy_pledges_quantity_check CHECK (quantity_milli > 0)
    `)
  }

  async down() {
    this.schema.dropTable('group_buy_pledges')
    this.schema.dropTable('group_buy_tiers')
    this.schema.dropTable('group_buys')
  }
}
