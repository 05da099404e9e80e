import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Operators run the back office (verification queue, super voisin
 * applications, kit orders); everyone else is a resident.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('role', 20).notNullable().defaultTo('resident')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('role')
    })
  }
}
