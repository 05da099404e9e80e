/*
| Arrangements shared by the co-optation specs: residents placed in
| Saint-Victor (each at their own spot and address unless told), verified
| for a given number of days by setting residents.verified_at, signed in.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'

export const VERIFY = '/verify'
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }

let spot = 0
let created = 0

/** A point in Saint-Victor at least 60 m from the previous 48 (a 7 x 7 grid). */
function nextSpotInSaintVictor() {
  const index = spot++ % 49
  return {
    longitude: SAINT_VICTOR.longitude + ((index % 7) - 3) * 0.0008,
    latitude: SAINT_VICTOR.latitude + (Math.floor(index / 7) - 3) * 0.0006,
  }
}

export interface Neighbour {
  id: number
  email: string
  agent: Agent
}

/**
 * A resident placed in Saint-Victor (or `at`), at `number street` (each
 * resident a different number unless `addressLabel` is given), verified
 * `verifiedDaysAgo` days ago or not at all, signed in.
 */
export async function neighbour(
  displayName: string,
  options: {
    street?: string
    addressLabel?: string
    at?: { longitude: number; latitude: number }
    verifiedDaysAgo?: number
    locale?: string
  } = {}
): Promise<Neighbour> {
  created += 1
  const first = displayName
    .split(' ')[0]
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
  const email = `${first}.${created}@example.org`
  const user = await createResident({ email, displayName, locale: options.locale })
  const at = options.at ?? nextSpotInSaintVictor()
  await placeResident(user.id, {
    ...at,
    addressLabel:
      options.addressLabel ?? `${created} ${options.street ?? 'rue Linné'}, 75005 Paris`,
    placement: 'geocoder',
  })
  if (options.verifiedDaysAgo !== undefined) {
    await verifiedFor(Number(user.id), options.verifiedDaysAgo)
  }
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, email)
  return { id: Number(user.id), email, agent }
}

/** Arranges that a resident's address was proven `days` days ago. */
export async function verifiedFor(userId: number, days: number) {
  await db
    .from('residents')
    .where('user_id', userId)
    .update({ verified_at: DateTime.now().minus({ days }).toJSDate() })
}

/** The candidate's personal vouch link, as their "Verify my address" page shows it. */
export async function vouchLinkOf(candidate: Neighbour): Promise<string> {
  const page = await candidate.agent.get(VERIFY)
  const match = page.text.match(/https?:\/\/[^"\s<]+(\/verify\/vouch\/[A-Za-z0-9_-]{32})"/)
  if (!match) throw new Error('no vouch link on the candidate page')
  return match[1]
}

/** Ticks the statement (unless told otherwise) and posts the vouch form. */
export function vouch(
  voucher: Neighbour,
  link: string,
  fields: Record<string, string | undefined> = { statement: '1' }
) {
  return voucher.agent.submit(link, fields, { from: link })
}

export async function vouchesFor(candidateId: number) {
  return db.from('vouches').where('candidate_id', candidateId).orderBy('id')
}

export async function isVerifiedNow(userId: number): Promise<boolean> {
  const row = await db.from('residents').where('user_id', userId).select('verified_at').first()
  return Boolean(row?.verified_at)
}

/** The date as pages write it in French ("12 mars 2026"). */
export function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(date)
}
