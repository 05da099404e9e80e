import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { databaseDriver } from '#config/database'

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: any[] }>
}

/**
 * The embedded database serves every connection (and every process: the
 * seeding command, the web server) from ONE PostgreSQL session, so a
 * statement name prepared by one is "already exists" for the next. It
 * runs unnamed there: plan caching only matters on a real server.
 */
const named = databaseDriver !== 'embedded'

/**
 * Runs a hot read query as a named prepared statement. PostgreSQL then
 * plans it a few times per connection and settles on a cached generic
 * plan: the feed's many-branch query took 3-8 ms to plan and 0.2-1 ms
 * to run, so planning was most of the database's work per page.
 *
 * `?` placeholders as in db.rawQuery (the SQL must hold no literal `?`).
 * Only for statements whose best plan does not depend on the values
 * (not for a full-text search, where a rare word wants another plan).
 * Never inside a transaction: it takes its own pooled connection.
 */
export async function preparedRows<Row>(sql: string, bindings: unknown[]): Promise<Row[]> {
  let position = 0
  const text = sql.replace(/\?/g, () => `$${++position}`)
  if (position !== bindings.length) {
    throw new Error(`preparedRows: ${position} placeholders for ${bindings.length} bindings`)
  }
  const name = named ? `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` : undefined
  const knex = db.connection().getReadClient()
  const client = (await knex.client.acquireConnection()) as PgClient
  try {
    const result = await client.query({ name, text, values: bindings })
    return result.rows as Row[]
  } finally {
    await knex.client.releaseConnection(client)
  }
}
