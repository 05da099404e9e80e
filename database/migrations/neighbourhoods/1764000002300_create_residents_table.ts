import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Where an account lives. The home point is private; others see the
 * street name and a display point snapped to a ~150 m grid.
 */
export default class extends BaseSchema {
  protected tableName = 'residents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.bigInteger('town_id').nullable().references('id').inTable('towns').onDelete('SET NULL')
      table
        .bigInteger('neighbourhood_id')
        .nullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('SET NULL')
      table.string('address_label', 200).notNullable()
      table.string('street_name', 120).nullable()
      table.specificType('home_point', 'geometry(Point, 4326)').notNullable()
      table.specificType('display_point', 'geometry(Point, 4326)').notNullable()
      /** geocoder | map_pin */
      table.string('placement', 10).notNullable()
      /** Set by the verification module (postcard, co-optation, document). */
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.timestamp('placed_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['neighbourhood_id'])
      table.index(['town_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
