import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type NeighbourhoodStatus = 'launching' | 'open'

/** A named polygon in a town. Its boundary is read and written with SQL. */
export default class Neighbourhood extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare townId: number

  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare sourceCode: string | null

  @column()
  declare status: NeighbourhoodStatus

  @column()
  declare createdById: number | null

  @column.dateTime()
  declare openedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
