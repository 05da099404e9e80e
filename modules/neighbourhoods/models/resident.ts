import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type Placement = 'geocoder' | 'map_pin'

/**
 * Where an account lives. home_point and display_point are geometry
 * columns, written with SQL by the placement service.
 */
export default class Resident extends BaseModel {
  static primaryKey = 'userId'

  @column({ isPrimary: true })
  declare userId: number

  @column()
  declare townId: number | null

  @column()
  declare neighbourhoodId: number | null

  @column()
  declare addressLabel: string

  @column()
  declare streetName: string | null

  @column()
  declare placement: Placement

  @column.dateTime()
  declare verifiedAt: DateTime | null

  @column.dateTime()
  declare placedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
