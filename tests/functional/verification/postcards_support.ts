/**
 * Helpers of the postcard tests: residents placed at a known address,
 * an operator, and the forms as a browser posts them.
 */
import db from '@adonisjs/lucid/services/db'
import { placeResident } from '#modules/neighbourhoods/index'
import { Agent } from '#tests/helpers/agent'
import { createResident, signIn } from '#tests/helpers/residents'

export const VERIFY = '/verify'
export const OPERATOR_PAGE = '/operators/verification/postcards'
export const SAINT_VICTOR = { longitude: 2.35409, latitude: 48.84766 }
export const HOME_LABEL = '12 rue des Écoles, 75005 Paris'

/** What the resident's form sends when they accept the pre-filled address. */
export const CARD_FIELDS = {
  postcard_name: 'Camille Martin',
  postcard_complement: 'Bâtiment B, 3e étage',
  postcard_street: '12 rue des Écoles',
  postcard_postcode: '75005',
  postcard_town: 'Paris',
}

/** A resident with a home (Saint-Victor, 12 rue des Écoles unless told), signed in. */
export async function placedResident(
  options: { email?: string; displayName?: string; addressLabel?: string; locale?: string } = {}
) {
  const user = await createResident({
    email: options.email,
    displayName: options.displayName,
    locale: options.locale,
  })
  await placeResident(user.id, {
    ...SAINT_VICTOR,
    addressLabel: options.addressLabel ?? HOME_LABEL,
    placement: 'geocoder',
  })
  const agent = new Agent(options.locale ?? 'fr')
  await signIn(agent, user.email)
  return { user, agent }
}

/** An operator (users.role = 'operator'), signed in. */
export async function signedInOperator(email = 'operatrice@example.org') {
  const user = await createResident({ email, displayName: 'Opératrice Quartier' })
  await db.from('users').where('id', user.id).update({ role: 'operator' })
  const agent = new Agent()
  await signIn(agent, email)
  return { user, agent }
}

export function askForCard(agent: Agent, fields: Record<string, string | undefined> = CARD_FIELDS) {
  return agent.submit('/verify/postcard', fields, { from: VERIFY })
}

export function typeCode(agent: Agent, code: string | undefined) {
  return agent.submit('/verify/postcard/code', { code }, { from: VERIFY })
}

/** Creates a print batch; returns the response and the batch id it redirects to. */
export async function createBatch(agent: Agent) {
  const response = await agent.submit(`${OPERATOR_PAGE}/batches`, {}, { from: OPERATOR_PAGE })
  const id = response.location?.match(/\/batches\/(\d+)\/print$/)?.[1]
  return { response, id: id ? Number(id) : null }
}

export function markPosted(agent: Agent, batchId: number) {
  return agent.submit(`${OPERATOR_PAGE}/batches/${batchId}/posted`, {}, { from: OPERATOR_PAGE })
}

/** The codes on a print page, by request id ("ABCD-EFGH"). */
export function codesOnPrintPage(html: string): Map<number, string> {
  const codes = new Map<number, string>()
  const cards = html.matchAll(
    /id="card-(\d+)"[\s\S]*?class="postcard-sheet__code"[^>]*>\s*([A-Z0-9-]+)\s*</g
  )
  for (const [, id, code] of cards) codes.set(Number(id), code)
  return codes
}

/** A page's text as a reader sees it (Edge escapes quotes and apostrophes). */
export function textOf(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x2F;/g, '/')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

export async function postcardRows() {
  return db.from('postcard_requests').orderBy('id')
}

/** Moves a request's dates back in time, as if `days` had passed. */
export async function ageRequest(id: number, days: number) {
  await db.rawQuery(
    `UPDATE postcard_requests
        SET requested_at = requested_at - make_interval(days => ?),
            expires_at = expires_at - make_interval(days => ?)
      WHERE id = ?`,
    [days, days, id]
  )
}
