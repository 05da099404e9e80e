import { DateTime } from 'luxon'
import User from '#modules/accounts/models/user'
import { Agent } from '#tests/helpers/agent'

export const PASSWORD = 'un jardin partagé'

let counter = 0

/**
 * A resident created straight in the database (confirmed unless told).
 * The account is `accountAgeDays` old (8 by default: past the new
 * residents' first-week limits of modules/moderation; 0 for a new one).
 */
export async function createResident(
  overrides: Partial<{
    email: string
    displayName: string
    locale: string
    verified: boolean
    password: string
    accountAgeDays: number
  }> = {}
) {
  counter += 1
  const user = await User.create({
    displayName: overrides.displayName ?? `Voisin ${counter}`,
    email: overrides.email ?? `voisin${counter}@example.org`,
    password: overrides.password ?? PASSWORD,
    homeAddress: '10 rue des Lilas, 75020 Paris',
    locale: overrides.locale ?? 'fr',
    emailVerifiedAt: overrides.verified === false ? null : DateTime.now(),
    sessionEpoch: 0,
  })
  const accountAgeDays = overrides.accountAgeDays ?? 8
  if (accountAgeDays > 0) {
    user.createdAt = DateTime.now().minus({ days: accountAgeDays })
    await user.save()
  }
  return user
}

/** Signs an agent in through the login form, as a resident would. */
export async function signIn(agent: Agent, email: string, password = PASSWORD) {
  return agent.submit('/login', { email, password }, { from: '/login' })
}

/** A confirmed resident and an agent signed in as them. */
export async function signedInResident(email: string, language = 'fr') {
  const user = await createResident({ email })
  const agent = new Agent(language)
  await signIn(agent, email)
  return { user, agent }
}
