/*
| Arrangements shared by the group buys specs (campaigns, pledges,
| lifecycle): residents of real Paris quartiers (Saint-Victor by default;
| Jardin-des-Plantes next door; distant Clignancourt), the campaign form
| as a browser submits it, and quick looks at the tables. Load the
| boundaries with loadParis() in the group setup.
*/
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident, type Point } from '#tests/helpers/community'
import { errorsIn } from '#tests/helpers/page_text'
export { errorsIn, fieldError, textOf } from '#tests/helpers/page_text'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const JARDIN_DES_PLANTES = { longitude: 2.3595, latitude: 48.8435 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

export const GROUP_BUY_TABLES = ['group_buys', 'group_buy_tiers', 'group_buy_pledges']

let created = 0

/**
 * A verified resident (unless told) near `at`, each a few metres from the
 * last and at their own address unless `address` names a shared one.
 */
export async function neighbour(
  displayName: string,
  options: { at?: Point; verified?: boolean; locale?: string; address?: string } = {}
): Promise<CommunityResident> {
  created += 1
  const base = options.at ?? SAINT_VICTOR
  const email = `${displayName
    .split(' ')[0]
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()}.gb${created}@example.org`
  return verifiedResident(email, {
    displayName,
    locale: options.locale,
    verified: options.verified,
    addressLabel: options.address ?? `${created} rue des Fossés-Saint-Bernard, 75005 Paris`,
    at: {
      longitude: base.longitude + ((created % 7) - 3) * 0.00012,
      latitude: base.latitude + ((Math.floor(created / 7) % 7) - 3) * 0.00008,
    },
  })
}

/** A day `days` from today, 'YYYY-MM-DD' (Paris). */
export function dayFromNow(days: number): string {
  const moment = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(moment)
}

export type Fields = Record<string, string | undefined>

/**
 * A pellets campaign as typed by a French organiser: 0,35 €/kg, 0,32 €
 * from 1 000 kg, 0,29 € from 3 000 kg; at least 500 kg, at most 5 000 kg;
 * pledges until next week, pickup the week after.
 */
export function pelletFields(overrides: Fields = {}): Fields {
  return {
    title: 'Granulés de bois pour l’hiver',
    product: 'Granulés DIN+ en sacs de 15 kg',
    description: 'Livraison sur palettes dans la cour de l’école, retrait le samedi.',
    unit: 'kg',
    supplier_name: 'Bois Énergie Île-de-France',
    supplier_contact: '01 23 45 67 89',
    base_price: '0,35',
    tier_quantity_1: '1000',
    tier_price_1: '0,32',
    tier_quantity_2: '3 000',
    tier_price_2: '0.29',
    min_quantity: '500',
    max_quantity: '5000',
    household_max: '',
    deadline_date: dayFromNow(7),
    deadline_time: '18:00',
    fulfilment: 'pickup',
    place_label: 'Cour de l’école Saint-Victor',
    window_starts_on: dayFromNow(10),
    window_ends_on: dayFromNow(12),
    scope: 'neighbourhood',
    ...overrides,
  }
}

/** Submits the campaign form as a browser does (GET the form for its CSRF token, then POST). */
export async function submitCampaign(agent: Agent, fields: Fields, path = '/group-buys') {
  const from = path === '/group-buys' ? '/group-buys/new' : `${path}/edit`
  return agent.submit(path, fields, { from })
}

/** Creates a draft through the form and gives its id (asserting it was accepted). */
export async function draft(agent: Agent, fields: Fields = pelletFields()): Promise<number> {
  const response = await submitCampaign(agent, fields)
  const match = response.location?.match(/^\/group-buys\/(\d+)$/)
  if (response.status !== 302 || !match) {
    throw new Error(`campaign refused (${response.status}): ${errorsIn(response.text).join(' | ')}`)
  }
  return Number(match[1])
}

/** An organiser's step from the campaign page (open, cancel, confirm, deliver, complete). */
export function step(person: CommunityResident, id: number, name: string, fields: Fields = {}) {
  return person.agent.submit(`/group-buys/${id}/${name}`, fields, { from: `/group-buys/${id}` })
}

/** A draft, opened: the id. */
export async function openCampaign(
  organiser: CommunityResident,
  fields: Fields = pelletFields()
): Promise<number> {
  const id = await draft(organiser.agent, fields)
  const opened = await step(organiser, id, 'open')
  if (opened.status !== 302) {
    throw new Error(`opening refused (${opened.status}): ${errorsIn(opened.text).join(' | ')}`)
  }
  return id
}

/** Pledges (or changes a pledge) from the campaign page. */
export function pledge(person: CommunityResident, id: number, quantity: string) {
  return person.agent.submit(
    `/group-buys/${id}/pledge`,
    { quantity },
    { from: `/group-buys/${id}` }
  )
}

export async function campaignRow(id: number) {
  return db.from('group_buys').where('id', id).firstOrFail()
}

export async function pledgeRows(id: number) {
  return db.from('group_buy_pledges').where('group_buy_id', id).orderBy('id')
}

/** Moves a campaign's deadline into the past (as time passing would). */
export async function passDeadline(id: number) {
  await db
    .from('group_buys')
    .where('id', id)
    .update({ deadline: new Date(Date.now() - 60_000) })
}
