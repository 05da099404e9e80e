import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings. */
const toNumber = (value: unknown) => (value === null ? null : Number(value))

export type KitOrderStatus = 'requested' | 'approved' | 'shipped' | 'cancelled'

export const KIT_ORDER_STATUSES: readonly KitOrderStatus[] = [
  'requested',
  'approved',
  'shipped',
  'cancelled',
]

/** A super voisin's order of a promotion kit (table kit_orders). */
export default class KitOrder extends BaseModel {
  static table = 'kit_orders'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare userId: number

  @column({ consume: toNumber })
  declare neighbourhoodId: number

  @column()
  declare flyers: number

  @column()
  declare stickers: number

  @column()
  declare posters: number

  @column()
  declare deliveryName: string

  @column()
  declare deliveryStreet: string

  @column()
  declare deliveryPostcode: string

  @column()
  declare deliveryTown: string

  @column()
  declare deliveryNote: string | null

  @column()
  declare status: KitOrderStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
