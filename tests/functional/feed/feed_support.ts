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

/** Opens the Server-Sent Events stream as the browser's EventSource would. */
export async function openStream(agent: Agent, uid: string) {
  const controller = new AbortController()
  const response = await fetch(new URL(`/__transmit/events?uid=${uid}`, agent.baseUrl), {
    headers: {
      accept: 'text/event-stream',
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    signal: controller.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    status: response.status,
    async nextData(timeoutMs = 3000): Promise<unknown> {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const match = buffer.match(/data: (.+)\n/)
        if (match) {
          buffer = buffer.slice(buffer.indexOf(match[0]) + match[0].length)
          return JSON.parse(match[1])
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
        ])
        if (!chunk || chunk.done) break
        buffer += decoder.decode(chunk.value)
      }
      throw new Error(`no event within ${timeoutMs} ms (received: ${buffer})`)
    },
    close: () => controller.abort(),
  }
}

/** Subscribes the stream `uid` to a channel with the CSRF token of the agent's last page. */
export function subscribe(agent: Agent, uid: string, channel: string) {
  const token = agent.lastPage.match(/name="csrf-token" content="([^"]+)"/)![1]
  return agent.request('POST', '/__transmit/subscribe', {
    body: JSON.stringify({ uid, channel }),
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      'x-csrf-token': token,
    },
  })
}
