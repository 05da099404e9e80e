import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Neighbourhood events: a public place (a point picked on a map, never
 * the organiser's home), a start and an end, an optional capacity, and
 * RSVPs. `going_count` is kept in the same transaction as each RSVP under
 * a row lock on the event, so the capacity is never exceeded (the check
 * constraint is the last guard). `sequence` is the iCalendar SEQUENCE,
 * bumped on each edit and on cancellation so calendar apps update.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('events', (table) => {
      table.bigIncrements('id')
      /** The resident who posted it (for an organisation: the member who did). */
      table
        .bigInteger('author_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /**
       * An organisation's event (associations, town halls). The foreign
       * key to organisations comes when that module's table lands.
       */
      table.bigInteger('organisation_id').nullable()
      table.string('title', 120).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.string('category', 12).notNullable()
      /** The place as written by the organiser, and where it is on the map. */
      table.string('place_label', 200).notNullable()
      table.specificType('place_point', 'geometry(Point, 4326)').notNullable()
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('ends_at', { useTz: true }).notNullable()
      /** Null: no limit. */
      table.integer('capacity').nullable()
      table.integer('going_count').notNullable().defaultTo(0)
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
      table.string('author_street', 120).nullable()
      table.string('status', 9).notNullable().defaultTo('scheduled')
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.string('cancel_reason', 500).nullable()
      table.integer('sequence').notNullable().defaultTo(0)
      /** The feed's keyset cursor compares it to the millisecond. */
      table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['author_id', 'starts_at'], 'events_author_index')
    })
    this.schema.raw(`
      ALTER TABLE events
        ADD CONSTRAINT events_scope_check CHECK (scope IN ('neighbourhood', 'nearby', 'town')),
        ADD CONSTRAINT events_status_check CHECK (status IN ('scheduled', 'cancelled')),
        ADD CONSTRAINT events_category_check CHECK (category IN (
          'festive', 'culture', 'sport', 'workshop', 'meeting', 'market', 'other_event')),
        ADD CONSTRAINT events_title_check CHECK (char_length(title) BETWEEN 3 AND 120),
        ADD CONSTRAINT events_times_check CHECK (ends_at > starts_at),
        ADD CONSTRAINT events_capacity_check CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 10000),
        ADD CONSTRAINT events_going_check
          CHECK (going_count >= 0 AND (capacity IS NULL OR going_count <= capacity))
    `)
    this.schema.raw(`
      ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title), 'A')
        || to_tsvector('quartier_fr', description || ' ' || place_label)
        || to_tsvector('quartier_en', title || ' ' || description)
      ) STORED
    `)
    this.schema.raw('CREATE INDEX events_search_gin ON events USING gin (search)')
    /** The feed and the calendars read scheduled events by branch of the scope rule. */
    this.schema.raw(`
      CREATE INDEX events_feed_neighbourhood
        ON events (neighbourhood_id, published_at DESC, id DESC) WHERE status = 'scheduled'
    `)
    this.schema.raw(`
      CREATE INDEX events_feed_town
        ON events (town_id, published_at DESC, id DESC) WHERE status = 'scheduled'
    `)
    this.schema.raw('CREATE INDEX events_ends_at ON events (ends_at)')

    /** One answer per resident and event; withdrawing deletes it. */
    this.schema.createTable('event_rsvps', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('event_id')
        .notNullable()
        .references('id')
        .inTable('events')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('answer', 5).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['event_id', 'user_id'])
      table.index(['user_id'], 'event_rsvps_user_index')
    })
    this.schema.raw(`
      ALTER TABLE event_rsvps
        ADD CONSTRAINT event_rsvps_answer_check CHECK (answer IN ('going', 'maybe', 'no'))
    `)

    /**
     * A resident's calendar link: the token is an HMAC (APP_KEY) of their
     * id and this random secret, so it is never stored; renewing the
     * secret revokes every link given before.
     */
    this.schema.createTable('event_calendar_keys', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.string('secret', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('event_calendar_keys')
    this.schema.dropTable('event_rsvps')
    this.schema.dropTable('events')
  }
}
