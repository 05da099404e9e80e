import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare displayName: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column({ serializeAs: null })
  declare homeAddress: string

  @column()
  declare locale: string

  /** resident | operator (runs the back office) */
  @column()
  declare role: 'resident' | 'operator'

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column({ serializeAs: null })
  declare sessionEpoch: number

  /** Set when the resident erased their account (the row stays, anonymous). */
  @column.dateTime()
  declare erasedAt: DateTime | null

  /** Who sees the street of my home: nobody | neighbourhood. */
  @column()
  declare streetVisibility: 'nobody' | 'neighbourhood'

  /** Who sees my photo: nobody | neighbourhood | nearby. */
  @column()
  declare photoVisibility: 'nobody' | 'neighbourhood' | 'nearby'

  @column({ serializeAs: null })
  declare photoKey: string | null

  @column({ serializeAs: null })
  declare photoType: string | null

  /** Set while moderation hides the profile (others see only name and neighbourhood). */
  @column.dateTime({ serializeAs: null })
  declare profileHiddenAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isOperator() {
    return this.role === 'operator'
  }

  get isEmailVerified() {
    return this.emailVerifiedAt !== null
  }
}
