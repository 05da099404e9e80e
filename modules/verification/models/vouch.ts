import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/**
 * "I know this person and that they live in <street>": a verified
 * neighbour vouches for a candidate. It counts once linked to the
 * verification it helped make; withdrawn ones stay for the audit.
 */
export default class Vouch extends BaseModel {
  static table = 'vouches'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare candidateId: number

  @column({ consume: toNumber })
  declare voucherId: number

  @column({ consume: toNumber })
  declare neighbourhoodId: number | null

  @column()
  declare streetName: string | null

  @column({ consume: toNumber })
  declare verificationId: number | null

  @column.dateTime()
  declare withdrawnAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
