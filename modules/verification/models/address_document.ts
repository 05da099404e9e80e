import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/**
 * `expired`: nobody decided in time; `withdrawn`: by the resident;
 * `closed`: the resident was verified another way before a decision.
 */
export type DocumentStatus =
  'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn' | 'closed'

/**
 * A proof of address a resident uploaded. The file exists (under
 * `storageKey`) only while it is pending; afterwards only the outcome
 * stays.
 */
export default class AddressDocument extends BaseModel {
  static table = 'address_documents'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare userId: number

  @column({ consume: toNumber })
  declare neighbourhoodId: number | null

  @column()
  declare addressLabel: string | null

  @column()
  declare status: DocumentStatus

  @column()
  declare storageKey: string | null

  @column()
  declare contentType: string | null

  @column()
  declare byteSize: number | null

  @column({ consume: toNumber })
  declare reviewerId: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare rejectReason: string | null

  @column.dateTime()
  declare fileDeletedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
