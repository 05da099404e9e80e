import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Super voisins (ambassadors) and moderators of a neighbourhood.
 */
export default class extends BaseSchema {
  protected tableName = 'neighbourhood_roles'

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
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** super_voisin | moderator */
      table.string('role', 12).notNullable()
      table
        .bigInteger('granted_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['neighbourhood_id', 'user_id', 'role'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
