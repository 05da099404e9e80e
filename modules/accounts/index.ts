/**
 * Public API of the accounts module: the only file other modules import.
 */
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#modules/accounts/models/user'
import {
  anonymiseAccount,
  erasedLabel,
  isErasedLabel,
} from '#modules/accounts/services/erased_account'

export { erasedLabel, isErasedLabel }
import {
  mailRecipientsByIds,
  residentsByIds,
  type MailRecipient,
  type ResidentSummary,
} from '#modules/accounts/queries/recipients'
import { isErasedAccount } from '#modules/accounts/queries/erased'

export type { MailRecipient, ResidentSummary }

export const accounts = {
  /** A resident as other modules may know them (no e-mail, no address). */
  async findResident(id: number, locale?: string): Promise<ResidentSummary | null> {
    const user = await User.find(id)
    if (!user) return null
    return {
      id: user.id,
      /** Erased accounts: "Ancien·ne voisin·e" (in `locale`, else French). */
      displayName: user.erasedAt ? erasedLabel(locale) : user.displayName,
      locale: user.locale,
      emailVerified: user.isEmailVerified,
    }
  },

  /** Display names by id, for pages listing authors (one query). */
  async displayNames(ids: number[], locale?: string): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const users = await User.query()
      .whereIn('id', [...new Set(ids)])
      .select('id', 'display_name', 'erased_at')
    /** Erased accounts: "Ancien·ne voisin·e" (in `locale`, else French). */
    return new Map(
      users.map((user) => [user.id, user.erasedAt ? erasedLabel(locale) : user.displayName])
    )
  },

  /**
   * Whether the resident erased their account (a former resident: their
   * content stays, nobody writes to them). Pass `trx` inside a transaction.
   */
  isErased(id: number, trx?: TransactionClientContract): Promise<boolean> {
    return isErasedAccount(id, trx)
  },

  /** Checks a signed-in resident's password again (erasure, sensitive changes). */
  async verifyPassword(id: number, password: string): Promise<boolean> {
    const user = await User.find(id)
    if (!user || user.erasedAt) return false
    return user.verifyPassword(password)
  },

  /**
   * Erasure, last step (inside the privacy module's transaction): the
   * account row stays, anonymous, so content others still need keeps an
   * author shown as "former resident". Every session ends. The profile
   * photo file is deleted after the commit.
   */
  async anonymise(id: number, trx: TransactionClientContract): Promise<void> {
    const photoKey = await anonymiseAccount(id, trx)
    if (photoKey) {
      const { profilePhotoStorage } = await import('#modules/accounts/services/profile_photos')
      trx.after('commit', () => profilePhotoStorage.removeQuietly(photoKey).then(() => {}))
    }
  },

  /** Many residents at once (one query), by id; unknown ids are absent. */
  findResidents(ids: number[]): Promise<Map<number, ResidentSummary>> {
    return residentsByIds(ids)
  },

  /** mailRecipientOf for many residents (one query), with whether each address is confirmed. */
  mailRecipientsOf(ids: number[]): Promise<Map<number, MailRecipient>> {
    return mailRecipientsByIds(ids)
  },

  /** Where and how to write to a resident (mails from other modules). */
  async mailRecipientOf(
    id: number
  ): Promise<{ email: string; locale: string; displayName: string } | null> {
    const user = await User.find(id)
    /** Nobody writes to an erased account. */
    if (!user || user.erasedAt) return null
    return { email: user.email, locale: user.locale, displayName: user.displayName }
  },

  /** The address typed at sign-up (private), a starting point for placing a home. */
  async homeAddressOf(id: number): Promise<string | null> {
    const user = await User.find(id)
    return user?.homeAddress ?? null
  },

  /** Keeps the account's address in step when a resident places or moves their home. */
  async setHomeAddress(id: number, address: string): Promise<void> {
    await User.query()
      .where('id', id)
      .update({ home_address: address.slice(0, 200), updated_at: new Date() })
  },

  /**
   * Back office look-up: an exact e-mail address, or part of a display
   * name (case-insensitive). At most `limit` accounts, by name.
   */
  async search(
    query: string,
    limit = 20
  ): Promise<{ id: number; displayName: string; email: string }[]> {
    const text = query.trim()
    if (text.length === 0) return []
    const builder = User.query().orderBy('display_name').orderBy('id').limit(limit)
    if (text.includes('@')) builder.where('email', text.toLowerCase())
    else builder.whereILike('display_name', `%${text.replace(/[\\%_]/g, '\\$&')}%`)
    const users = await builder
    return users.map((user) => ({
      id: Number(user.id),
      displayName: user.displayName,
      email: user.email,
    }))
  },

  async isOperator(id: number): Promise<boolean> {
    const user = await User.find(id)
    return user?.role === 'operator'
  },

  /** Saves a signed-in resident's language choice (language switcher). */
  async setLocale(id: number, locale: string): Promise<void> {
    await User.query().where('id', id).update({ locale })
  },
}

/** The demo residents seeded into an empty database by `npm start`. */
export const DEMO_PASSWORD = 'voisins-demo-2026'

export const demoResidents = {
  people: [
    {
      displayName: 'Camille Martin',
      email: 'camille@demo.quartier.localhost',
      homeAddress: '5 rue Clauzel, 75009 Paris',
      locale: 'fr',
      role: 'resident',
    },
    {
      displayName: 'Léa Dubois',
      email: 'lea@demo.quartier.localhost',
      homeAddress: '30 rue Notre-Dame-de-Lorette, 75009 Paris',
      locale: 'fr',
      role: 'resident',
    },
    {
      displayName: 'Karim Benali',
      email: 'karim@demo.quartier.localhost',
      homeAddress: '4 rue Lamarck, 75018 Paris',
      locale: 'fr',
      role: 'resident',
    },
    {
      displayName: 'Hugo Petit',
      email: 'hugo@demo.quartier.localhost',
      homeAddress: '6 rue Custine, 75018 Paris',
      locale: 'fr',
      role: 'resident',
    },
    {
      displayName: 'Sophie Le Gall',
      email: 'sophie@demo.quartier.localhost',
      homeAddress: '8 rue de Dinan, 35400 Saint-Malo',
      locale: 'fr',
      role: 'resident',
    },
    {
      displayName: 'Tom Baker',
      email: 'tom@demo.quartier.localhost',
      homeAddress: '21 rue Saint-Georges, 35000 Rennes',
      locale: 'en',
      role: 'resident',
    },
    {
      displayName: 'Opératrice Quartier',
      email: 'operator@demo.quartier.localhost',
      homeAddress: '1 place de la Mairie, 75004 Paris',
      locale: 'fr',
      role: 'operator',
    },
  ],

  /**
   * One scrypt hash shared by the demo accounts (hashing each would cost a
   * few hundred milliseconds and tens of MB at first start), written with
   * the query builder so the model does not hash it again. Returns the
   * account ids by e-mail.
   */
  async create(verifiedAt: import('luxon').DateTime): Promise<Map<string, number>> {
    const password = await hash.make(DEMO_PASSWORD)
    const now = new Date()
    /** Demo accounts are a month old: past the new residents' first-week limits. */
    const joined = new Date(now.getTime() - 30 * 24 * 3600_000)
    await db
      .table('users')
      .insert(
        this.people.map((person) => ({
          display_name: person.displayName,
          email: person.email,
          home_address: person.homeAddress,
          locale: person.locale,
          role: person.role,
          password,
          email_verified_at: verifiedAt.toJSDate(),
          session_epoch: 0,
          created_at: joined,
          updated_at: now,
        }))
      )
      .onConflict('email')
      .ignore()
    const rows = await db
      .from('users')
      .whereIn(
        'email',
        this.people.map((person) => person.email)
      )
      .select('id', 'email')
    return new Map(rows.map((row) => [row.email as string, Number(row.id)]))
  },
}

/** Back office dashboard: sign-ups per week (Paris, Monday-based). */
export { weeklySignUps } from '#modules/accounts/queries/back_office_figures'
