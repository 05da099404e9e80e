import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Proof-of-address documents and who looked at them.
 *
 * address_documents: one row per upload. The file itself lives on the
 * Drive disk under `storage_key` (a random name) only while the document
 * is pending; once it is decided, expired or withdrawn the file is deleted
 * and the row keeps only the outcome (status, who decided, when, why).
 *
 * document_views: every time a reviewer opened a file (the audit).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('address_documents', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('user_id')
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** The neighbourhood at upload time: whose moderators may review it. */
      table
        .bigInteger('neighbourhood_id')
        .nullable()
        .references('id')
        .inTable('neighbourhoods')
        .onDelete('SET NULL')
      /** The address the document must show (cleared with the file). */
      table.string('address_label', 200).nullable()
      /**
       * pending | approved | rejected | expired (nobody decided in time) |
       * withdrawn (by the resident) | closed (verified another way first)
       */
      table.string('status', 12).notNullable().defaultTo('pending')
      /** Random name on the Drive disk; null once the file is deleted. */
      table.string('storage_key', 100).nullable().unique()
      /** Detected from the content (never the uploaded name or header). */
      table.string('content_type', 40).nullable()
      table.integer('byte_size').nullable()
      table
        .bigInteger('reviewer_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('decided_at', { useTz: true }).nullable()
      /** Told to the resident. */
      table.string('reject_reason', 500).nullable()
      table.timestamp('file_deleted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['status', 'created_at'])
      table.index(['neighbourhood_id', 'status'])
      table.index(['user_id', 'created_at'])
    })
    this.schema.raw(`
      ALTER TABLE address_documents
        ADD CONSTRAINT address_documents_status_check
          CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'withdrawn', 'closed')),
        ADD CONSTRAINT address_documents_pending_file_check
          CHECK (status <> 'pending' OR (storage_key IS NOT NULL AND content_type IS NOT NULL)),
        ADD CONSTRAINT address_documents_reason_check
          CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
    `)
    /** One document waiting for review per resident. */
    this.schema.raw(`
      CREATE UNIQUE INDEX address_documents_one_pending ON address_documents (user_id)
        WHERE status = 'pending'
    `)

    this.schema.createTable('document_views', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('document_id')
        .notNullable()
        .references('id')
        .inTable('address_documents')
        .onDelete('CASCADE')
      /** Kept (null) if the viewer's account is deleted: the view happened. */
      table
        .bigInteger('viewer_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('viewed_at', { useTz: true }).notNullable()
      table.index(['document_id', 'viewed_at'])
    })
  }

  async down() {
    this.schema.dropTable('document_views')
    this.schema.dropTable('address_documents')
  }
}
