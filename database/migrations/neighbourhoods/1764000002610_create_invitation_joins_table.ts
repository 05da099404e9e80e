import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who joined through which invitation (one row per person and code), for
 * the inviter's list and the super voisin figures.
 */
export default class extends BaseSchema {
  protected tableName = 'invitation_joins'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('invitation_id')
        .notNullable()
        .references('id')
        .inTable('invitations')
        .onDelete('CASCADE')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('joined_at', { useTz: true }).notNullable()
      table.unique(['invitation_id', 'user_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
