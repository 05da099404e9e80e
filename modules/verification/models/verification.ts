import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings on some drivers. */
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export type VerificationMethod = 'postcard' | 'cooptation' | 'document'

export const VERIFICATION_METHODS: readonly VerificationMethod[] = [
  'postcard',
  'cooptation',
  'document',
]

/** One proof of address, with who reviewed it and its revocation (the audit trail). */
export default class Verification extends BaseModel {
  static table = 'verifications'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare userId: number

  @column()
  declare method: VerificationMethod

  @column({ consume: toNumber })
  declare neighbourhoodId: number | null

  @column()
  declare addressLabel: string

  @column({ consume: toNumber })
  declare reviewerId: number | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column({ consume: toNumber })
  declare revokedById: number | null

  @column()
  declare revokeReason: string | null

  @column.dateTime()
  declare supersededAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
