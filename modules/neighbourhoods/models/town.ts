import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A commune. Its boundary is read and written with SQL (see queries/). */
export default class Town extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare inseeCode: string

  @column()
  declare name: string

  @column()
  declare departement: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
