import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per time a resident proved their address: how (postcard,
 * co-optation, document), where they lived then, who reviewed it (document)
 * and, if an operator revoked it, who, when and why. The vouchers of a
 * co-optation are the vouches pointing at the row. residents.verified_at
 * (neighbourhoods module) is the flag every page reads; this is the audit.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('verifications', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** postcard | cooptation | document */
      table.string('method', 12).notNullable()
      table
        .bigInteger('neighbourhood_id')
        .nullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('SET NULL')
      /** The address proven (private: the resident's own pages and operators). */
      table.string('address_label', 200).notNullable()
      /** Who reviewed the document (null for a postcard or co-optation). */
      table
        .bigInteger('reviewer_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table
        .bigInteger('revoked_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.string('revoke_reason', 500).nullable()
      /** A later verification replaced this one (the resident moved and proved the new address). */
      table.timestamp('superseded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['user_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE verifications
        ADD CONSTRAINT verifications_method_check
          CHECK (method IN ('postcard', 'cooptation', 'document')),
        ADD CONSTRAINT verifications_revoked_check
          CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
    `)
    /** At most one standing verification per resident. */
    this.schema.raw(`
      CREATE UNIQUE INDEX verifications_one_standing ON verifications (user_id)
        WHERE revoked_at IS NULL AND superseded_at IS NULL
    `)
  }

  async down() {
    this.schema.dropTable('verifications')
  }
}
