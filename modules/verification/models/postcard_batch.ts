import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A print run of postcards, made by an operator and later marked posted. */
export default class PostcardBatch extends BaseModel {
  static table = 'postcard_batches'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare createdById: number | null

  /** Cards in the batch when it was made. */
  @column()
  declare size: number

  @column.dateTime()
  declare postedAt: DateTime | null

  @column({ consume: toNumber })
  declare postedById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
