/**
 * Public API of the accounts module: the only file other modules import.
 */
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

  async create(verifiedAt: import('luxon').DateTime) {
    for (const person of this.people) {
      await User.updateOrCreate(
        { email: person.email },
        { ...person, password: DEMO_PASSWORD, emailVerifiedAt: verifiedAt, sessionEpoch: 0 }
      )
    }
  },
}
