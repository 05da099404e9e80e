import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What verified organisations post: shop offers (reaching neighbourhoods
 * within the shop's radius, at most 4 per Paris calendar month) and town
 * hall notices (the whole town or chosen neighbourhoods, pinnable until a
 * date), with residents' replies to notices.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('shop_offers', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      table.string('title', 100).notNullable()
      table.text('text').notNullable()
      table.string('photo_key', 100).nullable()
      table.string('photo_type', 20).nullable()
      /** Last day shown (Paris). */
      table.date('valid_until').notNullable()
      table
        .bigInteger('author_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      /** The feed's keyset cursor compares it to the millisecond. */
      table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['organisation_id', 'published_at'])
    })
    this.schema.raw(`
      ALTER TABLE shop_offers ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title), 'A') || to_tsvector('quartier_fr', text)
        || to_tsvector('quartier_en', title || ' ' || text)
      ) STORED
    `)

    this.schema.createTable('notices', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('organisation_id')
        .notNullable()
        .references('id')
        .inTable('organisations')
        .onDelete('CASCADE')
      table
        .bigInteger('town_id')
        .notNullable()
        .references('id')
        .inTable('towns')
        .onDelete('CASCADE')
      table.string('title', 120).notNullable()
      table.text('text').notNullable()
      /** True: every neighbourhood of the town; false: those in notice_neighbourhoods. */
      table.boolean('whole_town').notNullable()
      table.timestamp('pinned_until', { useTz: true }).nullable()
      table
        .bigInteger('author_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['town_id', 'published_at'])
    })
    this.schema.raw(`
      ALTER TABLE notices ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('quartier_fr', title), 'A') || to_tsvector('quartier_fr', text)
        || to_tsvector('quartier_en', title || ' ' || text)
      ) STORED
    `)

    this.schema.createTable('notice_neighbourhoods', (table) => {
      table
        .bigInteger('notice_id')
        .notNullable()
        .references('id')
        .inTable('notices')
        .onDelete('CASCADE')
      table
        .bigInteger('neighbourhood_id')
        .notNullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('CASCADE')
      table.primary(['notice_id', 'neighbourhood_id'])
      table.index(['neighbourhood_id'])
    })

    this.schema.createTable('notice_replies', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('notice_id')
        .notNullable()
        .references('id')
        .inTable('notices')
        .onDelete('CASCADE')
      table
        .bigInteger('author_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.text('text').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['notice_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('notice_replies')
    this.schema.dropTable('notice_neighbourhoods')
    this.schema.dropTable('notices')
    this.schema.dropTable('shop_offers')
  }
}
