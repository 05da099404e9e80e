import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Official alerts: a verified town hall raises one with a notice; it
 * becomes one alert per neighbourhood it targets, all pointing at the
 * same official_alerts row (the town hall's name shown as a badge, the
 * notice linked, and its 3-per-day cap counted here). The organisation
 * id is kept without a foreign key: alerts never depend on the
 * organisations module's tables.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('official_alerts', (table) => {
      table.bigIncrements('id')
      table.bigInteger('organisation_id').notNullable()
      table.string('organisation_name', 100).notNullable()
      table.string('notice_path', 200).nullable()
      table
        .bigInteger('raised_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['organisation_id', 'created_at'])
    })
    this.schema.alterTable('alerts', (table) => {
      table
        .bigInteger('official_alert_id')
        .nullable()
        .references('id')
        .inTable('official_alerts')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('alerts', (table) => {
      table.dropColumn('official_alert_id')
    })
    this.schema.dropTable('official_alerts')
  }
}
