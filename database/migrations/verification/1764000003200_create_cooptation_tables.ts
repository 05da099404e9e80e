import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Co-optation: two verified neighbours vouch for a resident.
 *
 * - vouch_links: each candidate's personal link (a random token they give
 *   to neighbours in person). The token only lets verified residents of the
 *   candidate's own neighbourhood reach the vouch page; it is kept as is so
 *   that the candidate's page can show it again.
 * - vouches: one row per vouch, kept when withdrawn (withdrawn_at) for the
 *   audit; verification_id points at the verification it counted in.
 * - vouch_requests: a candidate asked a named neighbour to vouch; declined
 *   asks stay so that the same neighbour is not asked again.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('vouch_links', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.string('token', 64).notNullable().unique()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('vouches', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('candidate_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('voucher_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** Where the candidate lived when vouched for (a move makes the vouch stale). */
      table
        .bigInteger('neighbourhood_id')
        .nullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('SET NULL')
      /** The street the voucher stated the candidate lives in. */
      table.string('street_name', 120).nullable()
      table
        .bigInteger('verification_id')
        .nullable()
        .references('id')
        .inTable('verifications')
        .onDelete('SET NULL')
      table.timestamp('withdrawn_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      /** "At most N vouches per voucher per 30 days" counts from here. */
      table.index(['voucher_id', 'created_at'])
      table.index(['candidate_id'])
      table.index(['verification_id'])
    })
    this.schema.raw(`
      ALTER TABLE vouches
        ADD CONSTRAINT vouches_not_self_check CHECK (candidate_id <> voucher_id),
        ADD CONSTRAINT vouches_counted_not_withdrawn_check
          CHECK (withdrawn_at IS NULL OR verification_id IS NULL)
    `)
    /** One standing vouch per voucher and candidate (a withdrawn one may be followed by another). */
    this.schema.raw(`
      CREATE UNIQUE INDEX vouches_one_standing ON vouches (candidate_id, voucher_id)
        WHERE withdrawn_at IS NULL
    `)

    this.schema.createTable('vouch_requests', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('candidate_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .bigInteger('voucher_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('declined_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      /** A neighbour is asked once by the same candidate, even after declining. */
      table.unique(['candidate_id', 'voucher_id'])
      table.index(['voucher_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE vouch_requests
        ADD CONSTRAINT vouch_requests_not_self_check CHECK (candidate_id <> voucher_id)
    `)
  }

  async down() {
    this.schema.dropTable('vouch_requests')
    this.schema.dropTable('vouches')
    this.schema.dropTable('vouch_links')
  }
}
