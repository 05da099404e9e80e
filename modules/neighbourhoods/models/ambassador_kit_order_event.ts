import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'

/** bigint columns arrive from pg as strings. */
const toNumber = (value: unknown) => (value === null ? null : Number(value))

/** One change of a kit order's status: who, when, from what to what. */
export default class KitOrderEvent extends BaseModel {
  static table = 'kit_order_events'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare kitOrderId: number

  @column()
  declare fromStatus: KitOrderStatus | null

  @column()
  declare toStatus: KitOrderStatus

  @column({ consume: toNumber })
  declare actorId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
