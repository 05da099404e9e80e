import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Towns are French communes, identified by their INSEE code.
 */
export default class extends BaseSchema {
  protected tableName = 'towns'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('insee_code', 5).notNullable().unique()
      table.string('name', 120).notNullable()
      table.string('departement', 3).notNullable()
      table.specificType('boundary', 'geometry(MultiPolygon, 4326)').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['departement'])
      /** The third argument, not { indexType }: the latter silently makes a btree. */
      table.index(['boundary'], 'towns_boundary_gist', 'gist')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
