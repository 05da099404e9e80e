/*
| Residents of a real neighbourhood for the exchanges, feed and messaging
| tests: an account, a home placed on the imported Paris boundaries
| (load them with loadParis() in the group setup), a verification recorded
| the way the verification module records it, and a signed-in agent.
*/
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'

export interface Point {
  longitude: number
  latitude: number
}

/** Points inside some Paris quartiers (see tests/functional/neighbourhoods/placement.spec.ts). */
export const PLACES = {
  saintVictor: { longitude: 2.35409, latitude: 48.84766 },
  clignancourt: { longitude: 2.3466, latitude: 48.8909 },
  belleville: { longitude: 2.3829, latitude: 48.8715 },
} satisfies Record<string, Point>

export interface CommunityResident {
  id: number
  email: string
  agent: Agent
  townId: number | null
  neighbourhoodId: number | null
}

let created = 0

/**
 * A resident placed at `at` (Saint-Victor by default, each one a few
 * metres from the previous so that nobody shares an address), verified
 * unless `verified: false`, signed in with an agent speaking `locale`.
 * Its account is `accountAgeDays` old (8 by default: past the new
 * residents' limits of modules/moderation; 0 for a brand new account).
 */
export async function verifiedResident(
  email: string,
  options: {
    at?: Point
    displayName?: string
    locale?: string
    addressLabel?: string
    verified?: boolean
    accountAgeDays?: number
  } = {}
): Promise<CommunityResident> {
  created += 1
  const user = await createResident({
    email,
    displayName: options.displayName,
    locale: options.locale,
    accountAgeDays: options.accountAgeDays,
  })
  const id = Number(user.id)
  const base = options.at ?? PLACES.saintVictor
  /** About 10 m apart on a 10 x 10 grid: distinct homes in the same quartier. */
  const at = options.at ?? {
    longitude: base.longitude + ((created % 10) - 5) * 0.00014,
    latitude: base.latitude + ((Math.floor(created / 10) % 10) - 5) * 0.00009,
  }
  const { townId, neighbourhoodId } = await placeResident(id, {
    ...at,
    addressLabel: options.addressLabel ?? `${created} rue Linné, 75005 Paris`,
    placement: 'geocoder',
  })
  if (options.verified !== false) {
    await db.transaction((trx) =>
      new RecordVerification().execute({ userId: id, method: 'postcard' }, trx)
    )
  }
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, email)
  return { id, email, agent, townId, neighbourhoodId }
}
