import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A candidate asked a named neighbour to vouch for them (once per pair). */
export default class VouchRequest extends BaseModel {
  static table = 'vouch_requests'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare candidateId: number

  @column({ consume: toNumber })
  declare voucherId: number

  @column.dateTime()
  declare declinedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
