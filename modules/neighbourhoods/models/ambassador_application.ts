import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings. */
const toNumber = (value: unknown) => (value === null ? null : Number(value))

export type AmbassadorApplicationStatus = 'pending' | 'approved' | 'rejected'
export type AmbassadorAvailability = 'monthly' | 'weekly' | 'more'

export const AMBASSADOR_AVAILABILITIES: readonly AmbassadorAvailability[] = [
  'monthly',
  'weekly',
  'more',
]

/** A resident's application to become the super voisin of their neighbourhood. */
export default class AmbassadorApplication extends BaseModel {
  static table = 'ambassador_applications'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare userId: number

  @column({ consume: toNumber })
  declare neighbourhoodId: number

  @column()
  declare motivation: string

  @column()
  declare availability: AmbassadorAvailability

  @column()
  declare status: AmbassadorApplicationStatus

  @column()
  declare decisionNote: string | null

  @column({ consume: toNumber })
  declare decidedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
