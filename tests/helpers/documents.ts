/*
| People and shortcuts for the proof-of-address document tests.
*/
import { rm } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { filesUnder } from '#tests/helpers/files'
import { createResident, signIn } from '#tests/helpers/residents'

export const VERIFY = '/verify'
export const UPLOAD = '/verify/document'
export const WITHDRAW = '/verify/document/withdraw'
export const MODERATOR_QUEUE = '/verify/reviews'
export const OPERATOR_QUEUE = '/operators/verification/documents'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

/** The folder the app's Drive disk writes to (bin/test.ts makes a throwaway one). */
export function driveRoot(): string {
  const root = process.env.DRIVE_ROOT
  if (!root) throw new Error('DRIVE_ROOT is not set (bin/test.ts sets it)')
  return root
}

export function storedFiles(): Promise<string[]> {
  return filesUnder(driveRoot())
}

export async function emptyDrive() {
  const root = driveRoot()
  for (const file of await filesUnder(root)) await rm(`${root}/${file}`, { force: true })
}

export interface Person {
  id: number
  email: string
  agent: Agent
}

/** A resident with a home (Saint-Victor unless told), signed in on an agent. */
export async function placedResident(
  email: string,
  options: {
    displayName?: string
    at?: { longitude: number; latitude: number }
    addressLabel?: string
    locale?: string
  } = {}
): Promise<Person> {
  const user = await createResident({
    email,
    displayName: options.displayName,
    locale: options.locale,
  })
  await placeResident(user.id, {
    ...(options.at ?? SAINT_VICTOR),
    addressLabel: options.addressLabel ?? '12 rue des Écoles, 75005 Paris',
    placement: 'geocoder',
  })
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, email)
  return { id: Number(user.id), email, agent }
}

/** An operator (users.role = 'operator'), signed in. */
export async function signedInOperator(email = 'operatrice@example.org'): Promise<Person> {
  const user = await createResident({ email, displayName: 'Opératrice Quartier' })
  await db.from('users').where('id', user.id).update({ role: 'operator' })
  const agent = new Agent()
  await signIn(agent, email)
  return { id: Number(user.id), email, agent }
}

export async function neighbourhoodId(slug: string): Promise<number> {
  const row = await db.from('neighbourhoods').where('slug', slug).firstOrFail()
  return Number(row.id)
}

/** Gives a resident the moderator role in a neighbourhood. */
export async function makeModerator(userId: number, slug: string) {
  await db.table('neighbourhood_roles').insert({
    neighbourhood_id: await neighbourhoodId(slug),
    user_id: userId,
    role: 'moderator',
    created_at: new Date(),
  })
}

/** A moderator of `slug`, living there (at another address than the residents under review). */
export async function signedInModerator(
  email: string,
  slug: 'saint-victor' | 'clignancourt',
  displayName = 'Karim Modérateur'
): Promise<Person> {
  const person = await placedResident(email, {
    displayName,
    at:
      slug === 'saint-victor'
        ? { longitude: 2.3522, latitude: 48.8468 }
        : { longitude: 2.3445, latitude: 48.8895 },
    addressLabel:
      slug === 'saint-victor' ? '3 rue Linné, 75005 Paris' : '4 rue Lamarck, 75018 Paris',
  })
  await makeModerator(person.id, slug)
  return person
}

export async function documents() {
  return db.from('address_documents').orderBy('id')
}

export async function documentViews() {
  return db.from('document_views').orderBy('id')
}
