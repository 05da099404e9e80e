import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Precomputed "nearby" pairs (touching or within the configured distance),
 * refreshed whenever a boundary changes, so that scope checks are plain
 * indexed lookups instead of spatial queries per item.
 */
export default class extends BaseSchema {
  protected tableName = 'neighbourhood_neighbours'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table
        .bigInteger('neighbour_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.integer('distance_m').notNullable()
      table.primary(['neighbourhood_id', 'neighbour_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
