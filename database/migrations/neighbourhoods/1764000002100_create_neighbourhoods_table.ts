import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'neighbourhoods'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('town_id')
        .notNullable()
        .references('id')
        .inTable('towns')
        .onDelete('RESTRICT')
      table.string('name', 120).notNullable()
      table.string('slug', 160).notNullable().unique()
      /** Identifier in the imported data set (e.g. "paris:7510101"), for idempotent imports. */
      table.string('source_code', 60).nullable().unique()
      table.specificType('boundary', 'geometry(MultiPolygon, 4326)').notNullable()
      table.string('status', 12).notNullable().defaultTo('launching')
      table
        .bigInteger('created_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('opened_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['town_id'])
      table.index(['boundary'], 'neighbourhoods_boundary_gist', 'gist')
    })
    this.schema.raw(
      `ALTER TABLE neighbourhoods ADD CONSTRAINT neighbourhoods_status_check CHECK (status IN ('launching', 'open'))`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
