import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Residents applying to become the super voisin of their neighbourhood.
 * An operator approves (which grants the `super_voisin` row in
 * neighbourhood_roles, in the same transaction) or rejects, with an
 * optional note shown to the resident.
 */
export default class extends BaseSchema {
  protected tableName = 'ambassador_applications'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** The applicant's neighbourhood when they applied (from their home, never a form). */
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.string('motivation', 2000).notNullable()
      /** monthly | weekly | more */
      table.string('availability', 8).notNullable()
      /** pending | approved | rejected */
      table.string('status', 8).notNullable().defaultTo('pending')
      /** The operator's note on a refusal, shown to the resident. */
      table.string('decision_note', 1000).nullable()
      table
        .bigInteger('decided_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['user_id', 'created_at'])
      table.index(['neighbourhood_id'])
    })
    this.schema.raw(`
      ALTER TABLE ambassador_applications
        ADD CONSTRAINT ambassador_applications_availability_check
          CHECK (availability IN ('monthly', 'weekly', 'more')),
        ADD CONSTRAINT ambassador_applications_status_check
          CHECK (status IN ('pending', 'approved', 'rejected')),
        ADD CONSTRAINT ambassador_applications_decided_check
          CHECK ((status = 'pending') = (decided_at IS NULL)),
        ADD CONSTRAINT ambassador_applications_note_check
          CHECK (status = 'rejected' OR decision_note IS NULL),
        ADD CONSTRAINT ambassador_applications_motivation_check
          CHECK (char_length(motivation) >= 20)
    `)
    /** One open application per resident (a double submit cannot make two). */
    this.schema.raw(`
      CREATE UNIQUE INDEX ambassador_applications_one_pending
        ON ambassador_applications (user_id) WHERE status = 'pending'
    `)
    /** The operators' queue. */
    this.schema.raw(`
      CREATE INDEX ambassador_applications_pending_queue
        ON ambassador_applications (created_at) WHERE status = 'pending'
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
