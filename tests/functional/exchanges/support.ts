/*
| Arrangements shared by the exchanges specs: residents of real Paris
| quartiers (Saint-Victor; Jardin-des-Plantes, its neighbour; distant
| Clignancourt) and of another town (a square "Lyon" with one
| neighbourhood, imported like real boundaries), the posting form
| submitted as a browser does (multipart, several photos), and quick
| looks at the tables and the Drive folder.
*/
import db from '@adonisjs/lucid/services/db'
import { importNeighbourhoods, importTowns } from '#modules/neighbourhoods/index'
import { filesUnder } from '#tests/helpers/files'
import { squareAround, writeGeoJson } from '#tests/helpers/geo'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident } from '#tests/helpers/community'

export const NEW = '/exchanges/new'

export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const JARDIN_DES_PLANTES = { longitude: 2.3595, latitude: 48.8435 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
export const LYON = { longitude: 4.8357, latitude: 45.764 }

/** Places a driver might name: a square, a station, somewhere in town. */
export const PLACE_MONGE = { longitude: 2.3522, latitude: 48.8427 }
export const GARE_MONTPARNASSE = { longitude: 2.3212, latitude: 48.8412 }
export const GARE_DU_NORD = { longitude: 2.3553, latitude: 48.8809 }
export const LA_DEFENSE = { longitude: 2.2384, latitude: 48.8919 }

/** A second town with one neighbourhood, far from Paris (after loadParis()). */
export async function loadLyon() {
  await importTowns(
    await writeGeoJson([
      {
        type: 'Feature',
        properties: { code: '69123', nom: 'Lyon', departement: '69' },
        geometry: JSON.parse(squareAround(LYON.longitude, LYON.latitude, 6000)),
      },
    ])
  )
  await importNeighbourhoods(
    await writeGeoJson([
      {
        type: 'Feature',
        properties: { name: 'Presqu’île', code: 'lyon-presquile' },
        geometry: JSON.parse(squareAround(LYON.longitude, LYON.latitude, 1500)),
      },
    ]),
    { nameProperty: 'name', codeProperty: 'code', townCode: '69123' }
  )
}

export const EXCHANGE_TABLES = [
  'exchanges',
  'exchange_rides',
  'exchange_photos',
  'exchange_responses',
  'ride_bookings',
]

let created = 0

/** A verified resident (unless told) at `at`, each a few metres from the last, signed in. */
export async function neighbour(
  displayName: string,
  options: {
    at?: { longitude: number; latitude: number }
    verified?: boolean
    locale?: string
  } = {}
): Promise<CommunityResident> {
  created += 1
  const base = options.at ?? SAINT_VICTOR
  const email = `${displayName
    .split(' ')[0]
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase()}.${created}@example.org`
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

export interface Photo {
  name: string
  type?: string
  bytes: Uint8Array
}

/**
 * Submits the posting form as a browser does: GET the form (CSRF token),
 * then a multipart POST with the fields and any photos (field `photos`,
 * repeated).
 */
export async function submitExchange(
  agent: Agent,
  fields: Record<string, string | string[] | undefined>,
  photos: Photo[] = [],
  options: { path?: string; from?: string } = {}
) {
  await agent.get(options.from ?? `${NEW}?kind=${fields.kind ?? 'gift'}`)
  const form = new FormData()
  form.set('_csrf', agent.csrfToken())
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item)
  }
  for (const photo of photos) {
    const blob = new Blob([photo.bytes as Uint8Array<ArrayBuffer>], {
      type: photo.type ?? 'application/octet-stream',
    })
    form.append('photos', blob, photo.name)
  }
  return agent.request('POST', options.path ?? '/exchanges', { body: form })
}

/** A loan offer of a drill, in the author's neighbourhood unless told. */
export function loanFields(overrides: Record<string, string | string[] | undefined> = {}) {
  return {
    direction: 'offer',
    kind: 'loan',
    title: 'Perceuse-visseuse à prêter',
    description: 'Perceuse-visseuse sans fil avec deux batteries et un jeu de forets.',
    category: 'tools',
    scope: 'neighbourhood',
    ...overrides,
  }
}

/** A day `days` from today, 'YYYY-MM-DD' (Paris). */
export function dayFromNow(days: number): string {
  const moment = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(moment)
}

/** A one-off ride offer from Place Monge to Gare Montparnasse, tomorrow at 08:30. */
export function rideFields(overrides: Record<string, string | string[] | undefined> = {}) {
  return {
    direction: 'offer',
    kind: 'ride',
    title: 'Place Monge → Gare Montparnasse demain matin',
    description: 'Je pars de la place Monge vers la gare Montparnasse, deux bagages possibles.',
    from_label: 'Place Monge',
    from_latitude: String(PLACE_MONGE.latitude),
    from_longitude: String(PLACE_MONGE.longitude),
    to_label: 'Gare Montparnasse',
    to_latitude: String(GARE_MONTPARNASSE.latitude),
    to_longitude: String(GARE_MONTPARNASSE.longitude),
    schedule: 'once',
    departure_date: dayFromNow(1),
    departure_time: '08:30',
    seats: '3',
    detour_km: '1',
    ...overrides,
  }
}

/** Posts through the form and gives the new exchange's id (asserting it was accepted). */
export async function post(
  agent: Agent,
  fields: Record<string, string | string[] | undefined>,
  photos: Photo[] = []
): Promise<number> {
  const response = await submitExchange(agent, fields, photos)
  const match = response.location?.match(/^\/exchanges\/(\d+)$/)
  if (response.status !== 302 || !match) {
    throw new Error(`posting refused (${response.status}): ${errorsIn(response.text).join(' | ')}`)
  }
  return Number(match[1])
}

/** The messages a refused form shows: beside the fields, then in the error summary. */
export function errorsIn(page: string): string[] {
  const beside = [...page.matchAll(/class="field__error"[^>]*>([^<]+)</g)]
  const summary = [...page.matchAll(/<li><a href="#field-[^"]*">([^<]+)<\/a><\/li>/g)]
  return [...beside, ...summary].map((match) => match[1].trim().replaceAll('&#x27;', "'"))
}

export async function rows(table: string) {
  return db.from(table).orderBy(table === 'exchange_rides' ? 'exchange_id' : 'id')
}

export async function exchangeRow(id: number) {
  return db.from('exchanges').where('id', id).firstOrFail()
}

export async function photoFiles(): Promise<string[]> {
  const root = process.env.DRIVE_ROOT
  if (!root) throw new Error('DRIVE_ROOT is not set (bin/test.ts sets it)')
  return (await filesUnder(root)).filter((file) => file.startsWith('exchange-photos/'))
}

export async function emptyPhotoFolder() {
  const { rm } = await import('node:fs/promises')
  await rm(`${process.env.DRIVE_ROOT}/exchange-photos`, { recursive: true, force: true })
}
