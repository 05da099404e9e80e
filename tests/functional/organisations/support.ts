/*
| Arrangements shared by the organisations specs: shops, town halls and
| associations created through the forms, verified the way operators do,
| and quick looks at the tables. Load the Paris boundaries with loadParis()
| in the group setup.
*/
import db from '@adonisjs/lucid/services/db'
import { Agent } from '#tests/helpers/agent'
import { signedInOperator } from '#tests/helpers/documents'
import { createResident, signIn } from '#tests/helpers/residents'
import { errorsIn } from '#tests/helpers/page_text'
export { errorsIn, fieldError, textOf } from '#tests/helpers/page_text'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
/** A valid SIRET (Luhn) and one with a wrong last digit. */
export const SIRET = '732 829 320 00074'
export const BAD_SIRET = '73282932000075'

export type Fields = Record<string, string | undefined>

let created = 0

/** A signed-in account with no home at all (an organisation's staff, say). */
export async function account(name: string, locale = 'fr') {
  created += 1
  const email = `${name.toLowerCase()}.org${created}@example.org`
  const user = await createResident({ email, displayName: name, locale })
  const agent = new Agent(locale)
  await signIn(agent, email)
  return { id: Number(user.id), email, agent }
}

export function shopFields(overrides: Fields = {}): Fields {
  return {
    kind: 'shop',
    name: 'Boulangerie Linné',
    siret: SIRET,
    address_label: '12 rue Linné, 75005 Paris',
    latitude: String(SAINT_VICTOR.latitude),
    longitude: String(SAINT_VICTOR.longitude),
    ...overrides,
  }
}

export function create(agent: Agent, fields: Fields) {
  return agent.submit('/organisations', fields, { from: '/organisations/new' })
}

/** Creates an organisation through the form and gives its id. */
export async function createOrganisation(agent: Agent, fields: Fields = shopFields()) {
  const response = await create(agent, fields)
  const match = response.location?.match(/^\/organisations\/(\d+)\/manage$/)
  if (response.status !== 302 || !match) {
    throw new Error(
      `organisation refused (${response.status}): ${errorsIn(response.text).join(' | ')}`
    )
  }
  return Number(match[1])
}

/** Marks an organisation verified the way an operator's approval does (for specs about posting). */
export async function markVerified(organisationId: number, operatorId?: number) {
  await db.table('organisation_verifications').insert({
    organisation_id: organisationId,
    method: 'review',
    decision: 'approved',
    decided_by_id: operatorId ?? null,
    note: 'test',
    checklist: '{}',
    created_at: new Date(),
  })
  await db
    .from('organisations')
    .where('id', organisationId)
    .update({ verification_status: 'verified', verified_at: new Date() })
}

export async function operator() {
  created += 1
  return signedInOperator(`operatrice.org${created}@example.org`)
}

export function post(agent: Agent, path: string, fields: Fields = {}, from?: string) {
  return agent.submit(path, fields, { from: from ?? path.replace(/\/[^/]+$/, '') })
}

export const ORGANISATION_TABLES = [
  'organisations',
  'organisation_members',
  'organisation_verifications',
  'organisation_postcards',
  'organisation_photos',
  'organisation_recommendations',
  'shop_offers',
  'notices',
  'notice_neighbourhoods',
  'notice_replies',
]
