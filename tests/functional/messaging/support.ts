/*
| Arrangements shared by the messaging specs: verified residents of
| Saint-Victor, a conversation between two of them started through the
| public API (as the exchanges module does), and the live-update stream.
*/
import db from '@adonisjs/lucid/services/db'
import { startConversation } from '#modules/messaging/index'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident } from '#tests/helpers/community'

export const DRILL = { type: 'exchange', id: 12, title: 'Perceuse à prêter', url: '/exchanges/12' }

/** Camille asks Léa about her drill: the conversation and both residents. */
export async function camilleWritesToLea(
  firstMessage = 'Bonjour, votre perceuse est-elle libre samedi ?'
) {
  const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
  const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
  const conversationId = await startConversation({
    from: camille.id,
    to: lea.id,
    subject: DRILL,
    firstMessage,
  })
  return { camille, lea, conversationId }
}

export function messageCount(conversationId?: number): Promise<number> {
  const query = db.from('messages')
  if (conversationId !== undefined) query.where('conversation_id', conversationId)
  return query
    .count('* as total')
    .first()
    .then((row) => Number(row.total))
}

/** The header's count as the page shows it ("Messages (2)"), or 0 without one. */
export function headerCount(page: string): number {
  const match = page.match(/data-unread-count>\s*\((\d+)\)/)
  return match ? Number(match[1]) : 0
}

/** Posts a reply from the thread page, with its CSRF token. */
export function reply(resident: CommunityResident, conversationId: number, body: string) {
  return resident.agent.submit(
    `/messages/${conversationId}`,
    { message_body: body },
    { from: `/messages/${conversationId}` }
  )
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

/** Subscribes the stream to a channel with the page's CSRF token, as realtime.js does. */
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
