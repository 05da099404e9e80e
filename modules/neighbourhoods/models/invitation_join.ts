import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings. */
const toNumber = (value: unknown) => (value === null ? null : Number(value))

/** A person who joined through an invitation. */
export default class InvitationJoin extends BaseModel {
  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare invitationId: number

  @column({ consume: toNumber })
  declare userId: number

  @column.dateTime()
  declare joinedAt: DateTime
}
