import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** bigint columns arrive from pg as strings. */
const toNumber = (value: unknown) => (value === null ? null : Number(value))

export type InvitationChannel = 'email' | 'sms' | 'letter'
export type InvitationAudience = 'neighbour' | 'association' | 'town_hall'

export const INVITATION_CHANNELS: readonly InvitationChannel[] = ['email', 'sms', 'letter']
export const INVITATION_AUDIENCES: readonly InvitationAudience[] = [
  'neighbour',
  'association',
  'town_hall',
]

/**
 * An invitation to join a neighbourhood. E-mail and SMS invitations are
 * personal (one person joins through them); a letter or flyer code is
 * used by as many neighbours as read it, until it expires.
 */
export default class Invitation extends BaseModel {
  @column({ isPrimary: true, consume: toNumber })
  declare id: number

  @column({ consume: toNumber })
  declare neighbourhoodId: number

  @column({ consume: toNumber })
  declare inviterId: number

  @column()
  declare channel: InvitationChannel

  @column()
  declare audience: InvitationAudience

  @column()
  declare recipient: string | null

  @column()
  declare message: string | null

  @column()
  declare code: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  get isPersonal() {
    return this.channel !== 'letter'
  }

  get isExpired() {
    return this.expiresAt <= DateTime.now()
  }
}
