import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type NeighbourhoodRoleName = 'super_voisin' | 'moderator'

export default class NeighbourhoodRole extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare neighbourhoodId: number

  @column()
  declare userId: number

  @column()
  declare role: NeighbourhoodRoleName

  @column()
  declare grantedById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
