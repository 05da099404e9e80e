import db from '@adonisjs/lucid/services/db'
import SendQueuedMail from '#app/jobs/send_queued_mail'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident, type Point } from '#tests/helpers/community'
import { PASSWORD } from '#tests/helpers/residents'
import {
  askForCard,
  codesOnPrintPage,
  createBatch,
  markPosted,
  typeCode,
} from '#tests/functional/verification/postcards_support'

let created = 0

export interface Person extends CommunityResident {
  address: string
}

/**
 * A verified resident (unless `verified: false`) whose e-mail and home
 * address are unique strings (so that a search of the whole database for
 * them means something).
 */
export async function person(
  name: string,
  options: { at?: Point; street?: string; verified?: boolean } = {}
): Promise<Person> {
  created += 1
  const email = `${name.toLowerCase()}.${created}.${Date.now()}@example.org`
  const address = `${40 + created} ${options.street ?? 'rue des Écoles'}, 75005 Paris`
  const resident = await verifiedResident(email, {
    displayName: name,
    addressLabel: address,
    at: options.at,
    verified: options.verified,
  })
  await db.from('users').where('id', resident.id).update({ home_address: address })
  return { ...resident, address }
}

/** Posts a gift through the real form; gives its id. */
export async function postGift(agent: Agent, title: string): Promise<number> {
  await agent.get('/exchanges/new?kind=gift')
  const form = new FormData()
  form.set('_csrf', agent.csrfToken())
  const fields = {
    direction: 'offer',
    kind: 'gift',
    title,
    description: `${title} : à donner, en bon état, à venir chercher.`,
    category: 'books',
    scope: 'neighbourhood',
  }
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  const response = await agent.request('POST', '/exchanges', { body: form })
  const match = response.location?.match(/^\/exchanges\/(\d+)$/)
  if (response.status !== 302 || !match) throw new Error(`posting refused (${response.status})`)
  return Number(match[1])
}

/** Answers an exchange with a first message (opens the conversation). */
export async function respond(agent: Agent, exchangeId: number, message: string) {
  const response = await agent.submit(
    `/exchanges/${exchangeId}/respond`,
    { message },
    { from: `/exchanges/${exchangeId}` }
  )
  if (response.status !== 302) throw new Error(`respond refused (${response.status})`)
  return response
}

/** Every table and text-like column of the public schema holding `needle` (case-insensitive). */
export async function placesHolding(needle: string): Promise<string[]> {
  const { rows: columns } = await db.rawQuery<{
    rows: { table_name: string; column_name: string }[]
  }>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`
  )
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await db.rawQuery<{ rows: { n: number | string }[] }>(
      `SELECT count(*) AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower(?)) > 0`,
      [needle]
    )
    if (Number(rows[0].n) > 0) found.push(`${table}.${column}`)
  }
  return found
}

/**
 * Verifies an unverified `resident` the whole postcard way: they ask for
 * a card to their home, `operator` prints a batch and marks it posted,
 * the resident types the code. Gives the code printed on the card.
 */
export async function verifyByPostcard(
  resident: Person,
  name: string,
  operator: Agent
): Promise<string> {
  const [street, rest] = resident.address.split(', ')
  const [postcode, town] = rest.split(' ')
  const asked = await askForCard(resident.agent, {
    postcard_name: name,
    postcard_street: street,
    postcard_postcode: postcode,
    postcard_town: town,
  })
  if (asked.status !== 302) throw new Error(`postcard refused (${asked.status})`)
  const { id: batchId, response } = await createBatch(operator)
  if (batchId === null) throw new Error(`batch refused (${response.status})`)
  const [code] = codesOnPrintPage((await operator.get(response.location!)).text).values()
  if ((await markPosted(operator, batchId)).status !== 302) throw new Error('posting refused')
  const typed = await typeCode(resident.agent, code)
  if (typed.status !== 302) throw new Error(`code refused (${typed.status})`)
  return code
}

/**
 * A mail waiting in the PostgreSQL job queue for the worker, as
 * mail.sendLater() leaves one in production (the suite otherwise sends
 * mails inline with the sync adapter).
 */
export async function queuedMailTo(email: string, subject: string) {
  await SendQueuedMail.dispatch({
    mailer: 'smtp',
    mail: {
      message: {
        from: 'bonjour@quartier.localhost',
        to: [{ address: email, name: 'Voisin' }],
        subject,
        text: `${subject} : le détail vous attend sur Quartier.`,
      },
      views: {},
    },
  }).with('database')
}

/** The mail jobs stored in the PostgreSQL queue, with their recipients. */
export async function queuedMails(): Promise<{ to: string[] }[]> {
  const jobs = await db.from('queue_jobs').where('queue', 'mail').orderBy('id')
  return jobs.map((job) => ({
    to: JSON.parse(job.data).payload.mail.message.to.map(
      (recipient: string | { address: string }) =>
        typeof recipient === 'string' ? recipient : recipient.address
    ),
  }))
}

/** The erasure form, filled in as the resident would. */
export function erase(agent: Agent) {
  return agent.submit(
    '/profile/privacy/erase',
    { password: PASSWORD, confirmation: 'EFFACER' },
    { from: '/profile/privacy' }
  )
}

/** A setup step that must have been accepted (a redirect), or the test stops there. */
export function expectRedirect(response: { status: number }, what: string) {
  if (response.status !== 302) throw new Error(`${what} refused (${response.status})`)
}
