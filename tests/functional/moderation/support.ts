/*
| Arrangements shared by the moderation specs: residents of real Paris
| quartiers (from the exchanges specs' helpers), moderators given the
| role the way the neighbourhoods module stores it, reports and decisions
| submitted through the forms as a browser does.
*/
import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { loanFields, neighbour, post } from '#tests/functional/exchanges/support'

export { neighbour }

export const MODERATION_TABLES = ['reports', 'moderation_actions', 'sanctions', 'appeals']

/** A loan offer by `agent`'s resident, visible to their neighbourhood. */
export function postExchange(agent: Agent, title = 'Perceuse à prêter'): Promise<number> {
  return post(agent, loanFields({ title }))
}

export async function makeModerator(userId: number, neighbourhoodId: number) {
  await db.table('neighbourhood_roles').insert({
    user_id: userId,
    neighbourhood_id: neighbourhoodId,
    role: 'moderator',
    created_at: new Date(),
  })
}

export async function makeOperator(userId: number) {
  await db.from('users').where('id', userId).update({ role: 'operator' })
}

/** Reports content through the form on its page (`from`, which shows the report button). */
export function report(
  agent: Agent,
  kind: string,
  id: number,
  from: string,
  fields: Record<string, string> = {}
) {
  return agent.submit(
    '/reports',
    { kind, id: String(id), report_reason: 'spam', ...fields },
    { from }
  )
}

/** The first report on a content (the moderators' page for it). */
export async function reportIdFor(kind: string, contentId: number): Promise<number> {
  const row = await db
    .from('reports')
    .where({ kind, content_id: contentId })
    .orderBy('id')
    .firstOrFail()
  return Number(row.id)
}

/** A moderator's decision through the report page's form. */
export function decide(
  agent: Agent,
  reportId: number,
  action: string,
  fields: Record<string, string> = {}
) {
  return agent.submit(
    `/moderation/reports/${reportId}`,
    { moderation_action: action, moderation_reason: 'Contraire aux règles du quartier', ...fields },
    { from: `/moderation/reports/${reportId}` }
  )
}

export async function hiddenAt(table: string, id: number): Promise<Date | null> {
  const row = await db.from(table).where('id', id).select('hidden_at').firstOrFail()
  return row.hidden_at
}
