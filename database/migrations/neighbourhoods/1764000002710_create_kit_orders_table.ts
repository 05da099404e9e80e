import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Promotion kits (flyers, stickers, posters) ordered by super voisins and
 * moved forward by operators: requested -> approved -> shipped, or
 * cancelled before shipping. Every change of status is a row of
 * kit_order_events (who, when, from what to what).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('kit_orders', (table) => {
      table.bigIncrements('id')
      /** The super voisin who ordered. */
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.integer('flyers').notNullable().defaultTo(0)
      table.integer('stickers').notNullable().defaultTo(0)
      table.integer('posters').notNullable().defaultTo(0)
      table.string('delivery_name', 100).notNullable()
      table.string('delivery_street', 200).notNullable()
      table.string('delivery_postcode', 5).notNullable()
      table.string('delivery_town', 100).notNullable()
      table.string('delivery_note', 500).nullable()
      /** requested | approved | shipped | cancelled */
      table.string('status', 10).notNullable().defaultTo('requested')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['user_id', 'created_at'])
      table.index(['status', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE kit_orders
        ADD CONSTRAINT kit_orders_status_check
          CHECK (status IN ('requested', 'approved', 'shipped', 'cancelled')),
        ADD CONSTRAINT kit_orders_flyers_check CHECK (flyers BETWEEN 0 AND 500),
        ADD CONSTRAINT kit_orders_stickers_check CHECK (stickers BETWEEN 0 AND 200),
        ADD CONSTRAINT kit_orders_posters_check CHECK (posters BETWEEN 0 AND 50),
        ADD CONSTRAINT kit_orders_not_empty_check CHECK (flyers + stickers + posters > 0),
        ADD CONSTRAINT kit_orders_postcode_check CHECK (delivery_postcode ~ '^[0-9]{5}$')
    `)
    /** One order in progress per super voisin (a double submit cannot make two). */
    this.schema.raw(`
      CREATE UNIQUE INDEX kit_orders_one_open
        ON kit_orders (user_id) WHERE status IN ('requested', 'approved')
    `)

    this.schema.createTable('kit_order_events', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('kit_order_id')
        .notNullable()
        .references('id')
        .inTable('kit_orders')
        .onDelete('CASCADE')
      /** Null for the order itself. */
      table.string('from_status', 10).nullable()
      table.string('to_status', 10).notNullable()
      /** The super voisin or the operator who made the change. */
      table.bigInteger('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['kit_order_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE kit_order_events
        ADD CONSTRAINT kit_order_events_status_check
          CHECK (to_status IN ('requested', 'approved', 'shipped', 'cancelled')
                 AND (from_status IS NULL
                      OR from_status IN ('requested', 'approved', 'shipped', 'cancelled')))
    `)
  }

  async down() {
    this.schema.dropTable('kit_order_events')
    this.schema.dropTable('kit_orders')
  }
}
