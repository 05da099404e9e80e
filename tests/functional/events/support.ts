/*
| Arrangements shared by the events specs: residents of real Paris
| quartiers (Saint-Victor by default; Jardin-des-Plantes next door;
| distant Clignancourt), the event form as a browser submits it, and
| quick looks at the tables. Load the boundaries with loadParis() in the
| group setup.
*/
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident, type Point } from '#tests/helpers/community'
import { errorsIn } from '#tests/helpers/page_text'
export { errorsIn, fieldError, textOf } from '#tests/helpers/page_text'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const JARDIN_DES_PLANTES = { longitude: 2.3595, latitude: 48.8435 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
/** A square a few hundred metres from the Saint-Victor homes. */
export const SQUARE = { latitude: 48.8455, longitude: 2.3551 }

let created = 0

/** A verified resident (unless told) near `at`, each a few metres from the last. */
export async function neighbour(
  displayName: string,
  options: { at?: Point; verified?: boolean; locale?: string } = {}
): Promise<CommunityResident> {
  created += 1
  const base = options.at ?? SAINT_VICTOR
  const email = `${displayName
    .split(' ')[0]
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()}.ev${created}@example.org`
  return verifiedResident(email, {
    displayName,
    locale: options.locale,
    verified: options.verified,
    addressLabel: `${created} rue Linné, 75005 Paris`,
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

/** A shared meal in the square next week, 14 h to 18 h, as a French organiser types it. */
export function eventFields(overrides: Fields = {}): Fields {
  return {
    title: 'Repas partagé du square',
    description: 'Chacun apporte un plat. Tables et chaises fournies.',
    category: 'festive',
    place_label: 'Square Paul-Langevin',
    place_latitude: String(SQUARE.latitude),
    place_longitude: String(SQUARE.longitude),
    starts_date: dayFromNow(7),
    starts_time: '14:00',
    ends_date: dayFromNow(7),
    ends_time: '18:00',
    capacity: '',
    scope: 'neighbourhood',
    ...overrides,
  }
}

/** Submits the event form as a browser does (GET the form for its CSRF token, then POST). */
export function submitEvent(agent: Agent, fields: Fields, path = '/events') {
  const from = path === '/events' ? '/events/new' : `${path}/edit`
  return agent.submit(path, fields, { from })
}

/** Posts an event through the form and gives its id (asserting it was accepted). */
export async function postEvent(
  person: CommunityResident,
  overrides: Fields = {}
): Promise<number> {
  const response = await submitEvent(person.agent, eventFields(overrides))
  const match = response.location?.match(/^\/events\/(\d+)$/)
  if (response.status !== 302 || !match) {
    throw new Error(`event refused (${response.status}): ${errorsIn(response.text).join(' | ')}`)
  }
  return Number(match[1])
}

/** Answers (or changes an answer) from the event page. */
export function answer(person: CommunityResident, id: number, value: string) {
  return person.agent.submit(`/events/${id}/rsvp`, { answer: value }, { from: `/events/${id}` })
}

export async function eventRow(id: number) {
  return db.from('events').where('id', id).firstOrFail()
}

export async function rsvpRows(id: number) {
  return db.from('event_rsvps').where('event_id', id).orderBy('id')
}

/** Moves an event into the past (as time passing would). */
export async function endEvent(id: number) {
  await db
    .from('events')
    .where('id', id)
    .update({
      starts_at: new Date(Date.now() - 3 * 3_600_000),
      ends_at: new Date(Date.now() - 3_600_000),
    })
}

/**
 * The next change of clocks in Paris (last Sunday of March or October)
 * at least three days away: 'YYYY-MM-DD' of that Sunday and the Saturday
 * before it, so that an event can straddle the change.
 */
export function nextClockChange(month: 3 | 10): { saturday: string; sunday: string } {
  const soonest = Date.now() + 3 * 86_400_000
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const last = new Date(Date.UTC(year, month, 0))
    const sunday = new Date(last.getTime() - last.getUTCDay() * 86_400_000)
    if (sunday.getTime() - 86_400_000 > soonest) {
      const saturday = new Date(sunday.getTime() - 86_400_000)
      return {
        saturday: saturday.toISOString().slice(0, 10),
        sunday: sunday.toISOString().slice(0, 10),
      }
    }
  }
}
