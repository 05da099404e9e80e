import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Erasure and profile visibility: an erased account stays as an anonymous
 * row (content others still need keeps its author, shown as "former
 * resident"); residents choose who sees their street and their photo.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('erased_at', { useTz: true }).nullable()
      /** nobody | neighbourhood */
      table.string('street_visibility', 13).notNullable().defaultTo('nobody')
      /** nobody | neighbourhood | nearby */
      table.string('photo_visibility', 13).notNullable().defaultTo('neighbourhood')
      /** Random name on the Drive disk of the re-encoded profile photo. */
      table.string('photo_key', 100).nullable().unique()
      table.string('photo_type', 20).nullable()
    })
    this.schema.raw(`
      ALTER TABLE users
        ADD CONSTRAINT users_street_visibility_check
          CHECK (street_visibility IN ('nobody', 'neighbourhood')),
        ADD CONSTRAINT users_photo_visibility_check
          CHECK (photo_visibility IN ('nobody', 'neighbourhood', 'nearby'))
    `)
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('erased_at')
      table.dropColumn('street_visibility')
      table.dropColumn('photo_visibility')
      table.dropColumn('photo_key')
      table.dropColumn('photo_type')
    })
  }
}
