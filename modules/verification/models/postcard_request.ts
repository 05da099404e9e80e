import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export type PostcardStatus =
  'requested' | 'printed' | 'posted' | 'used' | 'locked' | 'expired' | 'cancelled'

/** A card on its way: its code may be typed. */
export const CODE_LIVE_STATUSES: readonly PostcardStatus[] = ['printed', 'posted']

/** A card asked for and not finished with (one per resident at a time). */
export const OPEN_STATUSES: readonly PostcardStatus[] = ['requested', 'printed', 'posted']

/**
 * A resident's request for a postcard: the address block it goes to and,
 * once printed, its code (hashed; encrypted only until posting).
 */
export default class PostcardRequest extends BaseModel {
  static table = 'postcard_requests'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare userId: number

  @column({ consume: toNumber })
  declare batchId: number | null

  @column()
  declare recipientName: string

  @column()
  declare complement: string | null

  @column()
  declare street: string

  @column()
  declare postcode: string

  @column()
  declare town: string

  @column()
  declare addressKey: string

  @column()
  declare homeLabel: string

  @column()
  declare status: PostcardStatus

  @column({ serializeAs: null })
  declare codeHash: string | null

  @column({ serializeAs: null })
  declare codeEncrypted: string | null

  @column()
  declare failedAttempts: number

  @column.dateTime()
  declare requestedAt: DateTime

  @column.dateTime()
  declare postedAt: DateTime | null

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime()
  declare lockedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
