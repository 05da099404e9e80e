import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A re-encoded photo of an exchange, on the Drive disk under `storageKey`. */
export default class ExchangePhoto extends BaseModel {
  static table = 'exchange_photos'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare exchangeId: number

  @column()
  declare storageKey: string

  @column()
  declare contentType: 'image/jpeg' | 'image/png'

  @column()
  declare byteSize: number

  @column()
  declare width: number

  @column()
  declare height: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
