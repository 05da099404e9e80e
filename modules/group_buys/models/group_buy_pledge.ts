import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { toNumber } from '#app/database/columns'

/**
 * A resident's pledge to a campaign (one per resident; cancelling keeps
 * the row with `cancelledAt`). `householdKey` groups residents of one
 * address for the per-household limit; collected/paid are ticked by the
 * organiser at pickup (payment is hand to hand).
 */
export default class GroupBuyPledge extends BaseModel {
  static table = 'group_buy_pledges'

  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare groupBuyId: number

  @column({ consume: toNumber })
  declare userId: number

  @column()
  declare householdKey: string

  @column({ consume: toNumber })
  declare quantityMilli: number

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime()
  declare collectedAt: DateTime | null

  @column.dateTime()
  declare paidAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
