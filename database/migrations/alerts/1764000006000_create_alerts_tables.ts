import { BaseSchema } from '@adonisjs/lucid/schema'

const KINDS = [
  'theft_burglary',
  'accident',
  'fire_hazard',
  'missing_person',
  'animal_lost_found',
  'suspicious_behaviour',
  'other_urgent',
]
const SEVERITIES = ['info', 'urgent', 'critical']
const CHANNELS = ['push', 'email', 'sms']
const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'dead']

const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ')

/**
 * Alerts and their fan-out. Raising an alert writes the alert and its
 * outbox row in one transaction; the expansion turns the outbox row into
 * one delivery per (alert, recipient, channel, device) under a unique key,
 * so that running it again after a crash creates nothing twice; channel
 * jobs claim a delivery (pending -> sending) before sending it, so that
 * nothing is sent twice. Residents' channel choices, verified phone
 * numbers and push devices live here too; receipts (Twilio status
 * callbacks) are kept once per message and status.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('alerts', (table) => {
      table.bigIncrements('id')
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
      table.string('kind', 24).notNullable()
      table.string('severity', 10).notNullable()
      table.string('text', 280).notNullable()
      /** Suspicious behaviour only: what was done, where they went, how they moved. */
      table.string('behaviour', 280).nullable()
      table.string('direction', 120).nullable()
      table.string('vehicle_kind', 12).nullable()
      table.string('vehicle_details', 120).nullable()
      /** Where, as the author picked it (never shown) and snapped to a ~150 m grid (shown). */
      table.specificType('place', 'geometry(Point, 4326)').nullable()
      table.specificType('place_shown', 'geometry(Point, 4326)').nullable()
      table.string('status', 10).notNullable().defaultTo('active')
      table.timestamp('retracted_at', { useTz: true }).nullable()
      table
        .bigInteger('retracted_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('retract_reason', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['neighbourhood_id', 'created_at'])
      table.index(['author_id', 'created_at'])
      table.index(['place'], 'alerts_place_gist', 'gist')
    })
    this.schema.raw(`
      ALTER TABLE alerts
        ADD CONSTRAINT alerts_kind_check CHECK (kind IN (${list(KINDS)})),
        ADD CONSTRAINT alerts_severity_check CHECK (severity IN (${list(SEVERITIES)})),
        ADD CONSTRAINT alerts_status_check CHECK (status IN ('active', 'retracted')),
        ADD CONSTRAINT alerts_place_pair CHECK ((place IS NULL) = (place_shown IS NULL)),
        ADD CONSTRAINT alerts_suspicious_details CHECK (
          kind <> 'suspicious_behaviour'
          OR (behaviour IS NOT NULL AND direction IS NOT NULL AND vehicle_kind IS NOT NULL)
        )
    `)

    this.schema.createTable('alert_outbox', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('alert_id')
        .notNullable()
        .unique()
        .references('id')
        .inTable('alerts')
        .onDelete('CASCADE')
      /** When open pages were told (the in-page channel). */
      table.timestamp('announced_at', { useTz: true }).nullable()
      /** Recipients are expanded in user id order: the last one done (resume point). */
      table.bigInteger('cursor_user_id').notNullable().defaultTo(0)
      table.timestamp('expanded_at', { useTz: true }).nullable()
      /** Expansion runs started (more than one: a worker stopped and another resumed). */
      table.integer('runs').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      'CREATE INDEX alert_outbox_unexpanded ON alert_outbox (created_at) WHERE expanded_at IS NULL'
    )

    this.schema.createTable('alert_push_subscriptions', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** The push service URL of one browser on one device: one owner at a time. */
      table.text('endpoint').notNullable().unique()
      table.string('p256dh', 120).notNullable()
      table.string('auth', 40).notNullable()
      table.string('user_agent', 200).nullable()
      table.timestamp('last_success_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['user_id'])
    })

    this.schema.createTable('alert_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('alert_id')
        .notNullable()
        .references('id')
        .inTable('alerts')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('channel', 8).notNullable()
      /** The push subscription for push (one delivery per device), 0 otherwise. */
      table.bigInteger('target').notNullable().defaultTo(0)
      table.string('status', 10).notNullable().defaultTo('pending')
      /** Why it was skipped or failed (a code the pages translate). */
      table.string('reason', 40).nullable()
      table.smallint('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).notNullable()
      table.timestamp('claimed_at', { useTz: true }).nullable()
      /** Twilio's MessageSid, for receipts. */
      table.string('provider_message_id', 64).nullable()
      table.string('last_error', 500).nullable()
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('failed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['alert_id', 'user_id', 'channel', 'target'], {
        indexName: 'alert_deliveries_once',
      })
      table.index(['alert_id', 'channel', 'status'])
      table.index(['status', 'next_attempt_at'])
      table.index(['channel', 'created_at'])
      table.index(['user_id', 'channel', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE alert_deliveries
        ADD CONSTRAINT alert_deliveries_channel_check CHECK (channel IN (${list(CHANNELS)})),
        ADD CONSTRAINT alert_deliveries_status_check CHECK (status IN (${list(DELIVERY_STATUSES)}))
    `)
    this.schema.raw(`
      CREATE UNIQUE INDEX alert_deliveries_provider_message
        ON alert_deliveries (channel, provider_message_id) WHERE provider_message_id IS NOT NULL
    `)

    this.schema.createTable('alert_preferences', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      for (const channel of CHANNELS) {
        for (const severity of SEVERITIES) {
          table.boolean(`${channel}_${severity}`).notNullable()
        }
      }
      /** Quiet hours in Paris time, minutes after midnight (the end may come before the start). */
      table.smallint('quiet_start').nullable()
      table.smallint('quiet_end').nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`
      ALTER TABLE alert_preferences ADD CONSTRAINT alert_preferences_quiet_hours CHECK (
        (quiet_start IS NULL AND quiet_end IS NULL)
        OR (quiet_start BETWEEN 0 AND 1439 AND quiet_end BETWEEN 0 AND 1439 AND quiet_start <> quiet_end)
      )
    `)

    this.schema.createTable('alert_phones', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      /** E.164. */
      table.string('phone', 16).notNullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      /** HMAC-SHA256 (APP_KEY) of the code sent, hex; cleared once used. */
      table.string('code_hash', 64).nullable()
      table.timestamp('code_expires_at', { useTz: true }).nullable()
      table.smallint('code_attempts').notNullable().defaultTo(0)
      table.timestamp('code_sent_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('alert_receipts', (table) => {
      table.bigIncrements('id')
      table.string('provider', 16).notNullable()
      table.string('message_id', 64).notNullable()
      table.string('status', 20).notNullable()
      table.string('error_code', 10).nullable()
      table
        .bigInteger('delivery_id')
        .nullable()
        .references('id')
        .inTable('alert_deliveries')
        .onDelete('SET NULL')
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.unique(['provider', 'message_id', 'status'], { indexName: 'alert_receipts_once' })
    })
  }

  async down() {
    this.schema.dropTable('alert_receipts')
    this.schema.dropTable('alert_phones')
    this.schema.dropTable('alert_preferences')
    this.schema.dropTable('alert_deliveries')
    this.schema.dropTable('alert_push_subscriptions')
    this.schema.dropTable('alert_outbox')
    this.schema.dropTable('alerts')
  }
}
