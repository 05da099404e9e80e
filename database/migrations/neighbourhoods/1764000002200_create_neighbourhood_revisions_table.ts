import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every change of a boundary: who, when, why, and the geometry before and
 * after, so any change can be reviewed and reverted.
 */
export default class extends BaseSchema {
  protected tableName = 'neighbourhood_revisions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table
        .bigInteger('author_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      /** created | proposed | applied | rejected | reverted */
      table.string('status', 12).notNullable()
      table.string('reason', 500).notNullable()
      table.specificType('previous_boundary', 'geometry(MultiPolygon, 4326)').nullable()
      table.specificType('boundary', 'geometry(MultiPolygon, 4326)').notNullable()
      table
        .bigInteger('reviewed_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['neighbourhood_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
