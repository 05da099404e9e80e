import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moderation of profiles: a profile hidden pending review or by a
 * moderator shows only the resident's name and neighbourhood to others.
 * The account itself keeps working (hiding a profile is not a sanction).
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('profile_hidden_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('profile_hidden_at')
    })
  }
}
