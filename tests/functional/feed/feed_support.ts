/*
| Arrangements shared by the feed specs: residents placed in real Paris
| quartiers (Saint-Victor, its neighbour Jardin des Plantes, distant
| Clignancourt), verified or not, signed in; a Server-Sent Events client
| as the browser's EventSource; the page's cards in order.
*/
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'

export const FEED = '/feed'
export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const JARDIN_DES_PLANTES = { longitude: 2.3595, latitude: 48.8435 }
export const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }
export const LYON = { longitude: 4.8357, latitude: 45.764 }

let created = 0

export interface Resident {
  id: number
  email: string
  agent: Agent
}

/** A resident placed at `at` (Saint-Victor by default), verified unless told, signed in. */
export async function resident(
  displayName: string,
  options: {
    at?: { longitude: number; latitude: number } | null
    street?: string
    verified?: boolean
    locale?: string
  } = {}
): Promise<Resident> {
  created += 1
  const email = `feed.${created}@example.org`
  const user = await createResident({ email, displayName, locale: options.locale })
  if (options.at !== null) {
    await placeResident(user.id, {
      ...(options.at ?? SAINT_VICTOR),
      addressLabel: `${created} ${options.street ?? 'rue Linné'}, 75005 Paris`,
      placement: 'geocoder',
    })
  }
  if (options.verified !== false && options.at !== null) {
    await db
      .from('residents')
      .where('user_id', user.id)
      .update({ verified_at: new Date(Date.now() - 30 * 86_400_000) })
  }
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, email)
  return { id: Number(user.id), email, agent }
}

export async function neighbourhoodId(slug: string): Promise<number> {
  const row = await db.from('neighbourhoods').where('slug', slug).firstOrFail()
  return Number(row.id)
}

/** The cards of a feed page, in order: their `data-feed-item` keys ("exchanges-12"). */
export function cardKeys(page: string): string[] {
  return [...page.matchAll(/data-feed-item="([^"]+)"/g)].map((match) => match[1])
}

/** The "Older" link of a feed page (decoded), or null on the last page. */
export function olderLink(page: string): string | null {
  const match = page.match(/rel="next" href="([^"]+)"/)
  return match ? match[1].replaceAll('&amp;', '&') : null
}

export { openStream, subscribe } from '#tests/helpers/sse'
