import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Organisations (shops, town halls, associations), their members, how each
 * was verified (who decided, when, how), postcards mailed to shops, shop
 * photos and residents' recommendations. An organisation posts only once
 * `verified_at` is set; a rejection or a pending review leaves it unset.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('organisations', (table) => {
      table.bigIncrements('id')
      table.string('kind', 12).notNullable()
      table.string('name', 100).notNullable()
      table.text('description').notNullable().defaultTo('')
      /** Shops: 14 digits (checked with Luhn, La Poste's exception). */
      table.string('siret', 14).nullable()
      /** Associations: W + 9 digits. */
      table.string('rna', 10).nullable()
      table.string('address_label', 200).notNullable()
      table.specificType('point', 'geography(Point, 4326)').notNullable()
      table
        .bigInteger('town_id')
        .notNullable()
        .references('id')
        .inTable('towns')
        .onDelete('CASCADE')
      /** How far (metres) a shop's offers reach; at most 3 km. */
      table.integer('radius_m').notNullable().defaultTo(1000)
      table.specificType('categories', 'text[]').notNullable().defaultTo('{}')
      table.string('phone', 30).notNullable().defaultTo('')
      table.string('email', 254).notNullable().defaultTo('')
      table.string('website', 200).notNullable().defaultTo('')
      /** { "1": [["09:00","12:30"], ...], ... "7": [] }: ISO weekday -> ranges, Paris time. */
      table.jsonb('opening_hours').notNullable().defaultTo('{}')
      /** [{ "from": "YYYY-MM-DD", "until": "YYYY-MM-DD" }] */
      table.jsonb('closures').notNullable().defaultTo('[]')
      /** unverified -> pending (operator review asked) -> verified | rejected. */
      table.string('verification_status', 10).notNullable().defaultTo('unverified')
      table.timestamp('review_requested_at', { useTz: true }).nullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      table
        .bigInteger('created_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['town_id', 'kind'])
    })
    this.schema.raw(`
      ALTER TABLE organisations
        ADD CONSTRAINT organisations_kind_check CHECK (kind IN ('shop', 'town_hall', 'association')),
        ADD CONSTRAINT organisations_status_check
          CHECK (verification_status IN ('unverified', 'pending', 'verified', 'rejected')),
        ADD CONSTRAINT organisations_radius_check CHECK (radius_m BETWEEN 100 AND 3000),
        ADD CONSTRAINT organisations_siret_check
          CHECK ((kind = 'shop') = (siret IS NOT NULL) AND (siret IS NULL OR siret ~ '^[0-9]{14}$')),
        ADD CONSTRAINT organisations_rna_check
          CHECK ((kind = 'association') = (rna IS NOT NULL) AND (rna IS NULL OR rna ~ '^W[0-9]{9}$'))
    `)
    this.schema.raw('CREATE INDEX organisations_point_gist ON organisations USING gist (point)')

    this.schema.createTable('organisation_members', (table) => {
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('role', 6).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.primary(['organisation_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.raw(`
      ALTER TABLE organisation_members ADD CONSTRAINT organisation_members_role_check
        CHECK (role IN ('owner', 'editor'))
    `)

    this.schema.createTable('organisation_verifications', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      /** postcard (a member typed the mailed code) or review (an operator decided). */
      table.string('method', 8).notNullable()
      table.string('decision', 8).notNullable()
      /** The operator, or the member who typed the postcard's code. */
      table
        .bigInteger('decided_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.jsonb('checklist').notNullable().defaultTo('{}')
      table.text('note').notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['organisation_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE organisation_verifications
        ADD CONSTRAINT organisation_verifications_method_check CHECK (method IN ('postcard', 'review')),
        ADD CONSTRAINT organisation_verifications_decision_check
          CHECK (decision IN ('approved', 'rejected'))
    `)

    this.schema.createTable('organisation_postcards', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      /** HMAC-SHA256 (APP_KEY) of the code: what a typed code is compared with. */
      table.string('code_hash', 64).notNullable()
      /** The code encrypted, only until an operator has printed it (then null). */
      table.text('code_encrypted').nullable()
      table.string('address_label', 200).notNullable()
      table
        .bigInteger('requested_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('printed_at', { useTz: true }).nullable()
      table
        .bigInteger('printed_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['organisation_id'])
    })

    this.schema.createTable('organisation_photos', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      table.string('storage_key', 100).notNullable().unique()
      table.string('content_type', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['organisation_id', 'id'])
    })

    this.schema.createTable('organisation_recommendations', (table) => {
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.primary(['organisation_id', 'user_id'])
    })
  }

  async down() {
    this.schema.dropTable('organisation_recommendations')
    this.schema.dropTable('organisation_photos')
    this.schema.dropTable('organisation_postcards')
    this.schema.dropTable('organisation_verifications')
    this.schema.dropTable('organisation_members')
    this.schema.dropTable('organisations')
  }
}
