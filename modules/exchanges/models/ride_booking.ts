import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** Seats a passenger booked on a ride offer. */
export default class RideBooking extends BaseModel {
  static table = 'ride_bookings'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare exchangeId: number

  @column({ consume: toNumber })
  declare passengerId: number

  @column()
  declare seats: number

  @column()
  declare status: 'booked' | 'cancelled'

  @column({ consume: toNumber })
  declare conversationId: number | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
