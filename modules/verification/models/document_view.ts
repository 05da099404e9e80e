import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A reviewer opened a document's file (one row per time). */
export default class DocumentView extends BaseModel {
  static table = 'document_views'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare documentId: number

  @column({ consume: toNumber })
  declare viewerId: number | null

  @column.dateTime({ autoCreate: true })
  declare viewedAt: DateTime
}
