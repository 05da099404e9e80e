import db from '@adonisjs/lucid/services/db'
import type { Agent } from '#tests/helpers/agent'
import { verifiedResident, type CommunityResident, type Point } from '#tests/helpers/community'

let created = 0

export interface Person extends CommunityResident {
  address: string
}

/**
 * A verified resident whose e-mail and home address are unique strings
 * (so that a search of the whole database for them means something).
 */
export async function person(
  name: string,
  options: { at?: Point; street?: string } = {}
): Promise<Person> {
  created += 1
  const email = `${name.toLowerCase()}.${created}.${Date.now()}@example.org`
  const address = `${40 + created} ${options.street ?? 'rue des Écoles'}, 75005 Paris`
  const resident = await verifiedResident(email, {
    displayName: name,
    addressLabel: address,
    at: options.at,
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
