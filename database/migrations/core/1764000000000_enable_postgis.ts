import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every spatial table needs PostGIS; enabling it first makes a missing
 * extension fail here, with its name, rather than in a later module.
 */
export default class extends BaseSchema {
  async up() {
    await this.db.rawQuery('CREATE EXTENSION IF NOT EXISTS postgis')
  }

  async down() {
    await this.db.rawQuery('DROP EXTENSION IF EXISTS postgis')
  }
}
