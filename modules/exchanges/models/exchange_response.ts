import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** A neighbour who answered an exchange, and the conversation it opened. */
export default class ExchangeResponse extends BaseModel {
  static table = 'exchange_responses'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare exchangeId: number

  @column({ consume: toNumber })
  declare respondentId: number

  @column({ consume: toNumber })
  declare conversationId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
