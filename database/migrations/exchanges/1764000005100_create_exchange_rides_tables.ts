import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Carpool rides: the trip of an exchange of kind `ride`, and the seats
 * passengers booked.
 *
 * exchange_rides: from/to are places the driver picked on a map and
 * named (not addresses), with GIST indexes on their geography for the
 * search (destination, and optionally origin, near a point). A ride
 * leaves once (departs_at) or weekly (weekdays at departure_time, Paris
 * time, from recurs_from until recurs_until). seats_left never goes below
 * zero (CHECK, and bookings decrement it with a conditional UPDATE).
 *
 * ride_bookings: one active booking per passenger and ride; cancelling
 * gives the seats back.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('exchange_rides', (table) => {
      table
        .bigInteger('exchange_id')
        .primary()
        .references('id')
        .inTable('exchanges')
        .onDelete('CASCADE')
      table.string('from_label', 120).notNullable()
      table.specificType('from_point', 'geometry(Point, 4326)').notNullable()
      table.string('to_label', 120).notNullable()
      table.specificType('to_point', 'geometry(Point, 4326)').notNullable()
      table.timestamp('departs_at', { useTz: true }).nullable()
      /** ISO days of the week (1 = Monday ... 7 = Sunday) of a weekly ride. */
      table.specificType('weekdays', 'smallint[]').nullable()
      /** Local (Paris) time of a weekly ride's departure. */
      table.time('departure_time').nullable()
      table.date('recurs_from').nullable()
      table.date('recurs_until').nullable()
      table.smallint('seats_offered').notNullable()
      table.smallint('seats_left').notNullable()
      table.smallint('detour_km').notNullable().defaultTo(0)
      table.index(['departs_at'], 'exchange_rides_departs_at')
    })
    this.schema.raw(`
      ALTER TABLE exchange_rides
        ADD CONSTRAINT exchange_rides_seats_check
          CHECK (seats_offered BETWEEN 1 AND 8 AND seats_left BETWEEN 0 AND seats_offered),
        ADD CONSTRAINT exchange_rides_detour_check CHECK (detour_km BETWEEN 0 AND 20),
        ADD CONSTRAINT exchange_rides_when_check CHECK (
          (departs_at IS NOT NULL AND weekdays IS NULL AND recurs_until IS NULL)
          OR (departs_at IS NULL AND weekdays IS NOT NULL AND cardinality(weekdays) > 0
              AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]
              AND departure_time IS NOT NULL AND recurs_from IS NOT NULL
              AND recurs_until IS NOT NULL AND recurs_until >= recurs_from))
    `)
    /** ST_DWithin on geography uses these (the expression must match the query's). */
    this.schema.raw(
      'CREATE INDEX exchange_rides_to_gist ON exchange_rides USING gist ((to_point::geography))'
    )
    this.schema.raw(
      'CREATE INDEX exchange_rides_from_gist ON exchange_rides USING gist ((from_point::geography))'
    )

    this.schema.createTable('ride_bookings', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('exchange_id')
        .notNullable()
        .references('id')
        .inTable('exchanges')
        .onDelete('CASCADE')
      table
        .bigInteger('passenger_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.smallint('seats').notNullable()
      /** booked | cancelled */
      table.string('status', 9).notNullable().defaultTo('booked')
      /** The conversation with the driver (messaging module), once opened. */
      table.bigInteger('conversation_id').nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['passenger_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE ride_bookings
        ADD CONSTRAINT ride_bookings_seats_check CHECK (seats BETWEEN 1 AND 8),
        ADD CONSTRAINT ride_bookings_status_check CHECK (status IN ('booked', 'cancelled'))
    `)
    this.schema.raw(`
      CREATE UNIQUE INDEX ride_bookings_one_active ON ride_bookings (exchange_id, passenger_id)
        WHERE status = 'booked'
    `)
  }

  async down() {
    this.schema.dropTable('ride_bookings')
    this.schema.dropTable('exchange_rides')
  }
}
