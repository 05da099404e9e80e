import { BaseModel, column } from '@adonisjs/lucid/orm'
import { toNumber } from '#app/database/columns'

/** From `minTotalMilli` of total pledges on, every unit costs `unitPriceCents`. */
export default class GroupBuyTier extends BaseModel {
  static table = 'group_buy_tiers'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare groupBuyId: number

  @column({ consume: toNumber })
  declare minTotalMilli: number

  @column()
  declare unitPriceCents: number
}
