/*
| Arrangements shared by the messaging specs: verified residents of
| Saint-Victor, a conversation between two of them started through the
| public API (as the exchanges module does), and the live-update stream.
*/
import db from '@adonisjs/lucid/services/db'
import { startConversation } from '#modules/messaging/index'
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

export { openStream, subscribe } from '#tests/helpers/sse'
