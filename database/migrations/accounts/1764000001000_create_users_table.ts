import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('display_name', 60).notNullable()
      /** Stored lower-cased (validators normalise), unique. */
      table.string('email', 254).notNullable().unique()
      table.string('password', 255).notNullable()
      /** Free text until the neighbourhoods module geocodes it. */
      table.string('home_address', 200).notNullable()
      table.string('locale', 5).notNullable().defaultTo('fr')
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      /** Bumped to sign out every other session (see SessionEpochMiddleware). */
      table.integer('session_epoch').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
