/**
 * Public API of the accounts module: the only file other modules import.
 */
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import User from '#modules/accounts/models/user'

export interface ResidentSummary {
  id: number
  displayName: string
  locale: string
  emailVerified: boolean
}

export const accounts = {
  /** A resident as other modules may know them (no e-mail, no address). */
  async findResident(id: number): Promise<ResidentSummary | null> {
    const user = await User.find(id)
    if (!user) return null
    return {
      id: user.id,
      displayName: user.displayName,
      locale: user.locale,
      emailVerified: user.isEmailVerified,
    }
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
      homeAddress: '12 rue des Martyrs, 75009 Paris',
      locale: 'fr',
    },
    {
      displayName: 'Karim Benali',
      email: 'karim@demo.quartier.localhost',
      homeAddress: '4 rue Lamarck, 75018 Paris',
      locale: 'fr',
    },
    {
      displayName: 'Sophie Le Gall',
      email: 'sophie@demo.quartier.localhost',
      homeAddress: '8 rue de Dinan, 35400 Saint-Malo',
      locale: 'fr',
    },
    {
      displayName: 'Tom Baker',
      email: 'tom@demo.quartier.localhost',
      homeAddress: '21 rue Saint-Georges, 35000 Rennes',
      locale: 'en',
    },
  ],

  /**
   * One scrypt hash shared by the demo accounts (hashing each would cost a
   * few hundred milliseconds and tens of MB at first start), written with
   * the query builder so the model does not hash it again.
   */
  async create(verifiedAt: import('luxon').DateTime) {
    const password = await hash.make(DEMO_PASSWORD)
    const now = new Date()
    await db
      .table('users')
      .insert(
        this.people.map((person) => ({
          display_name: person.displayName,
          email: person.email,
          home_address: person.homeAddress,
          locale: person.locale,
          password,
          email_verified_at: verifiedAt.toJSDate(),
          session_epoch: 0,
          created_at: now,
          updated_at: now,
        }))
      )
      .onConflict('email')
      .ignore()
  },
}
