import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RevisionStatus = 'created' | 'proposed' | 'applied' | 'rejected' | 'reverted'

export default class NeighbourhoodRevision extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare neighbourhoodId: number

  @column()
  declare authorId: number | null

  @column()
  declare status: RevisionStatus

  @column()
  declare reason: string

  @column()
  declare reviewedById: number | null

  @column.dateTime()
  declare reviewedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
