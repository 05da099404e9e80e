/*
| A bare `pg` client for the benchmarks (they run on Node's own TypeScript
| support, outside the app), and the guarded schema wipe they start with.
*/
export type PgRow = Record<string, unknown>

export interface PgClient {
  connect(): Promise<void>
  query(
    sql: string | { text: string; values?: unknown[]; name?: string },
    values?: unknown[]
  ): Promise<{ rows: PgRow[]; rowCount?: number }>
  end(): Promise<void>
}

export async function connectPg(databaseUrl: string): Promise<PgClient> {
  // `pg` is loaded untyped here: declare the little used.
  const { default: pg } = (await import('pg' as string)) as {
    default: { Client: new (config: { connectionString: string }) => PgClient }
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  return client
}

export async function withPg<T>(
  databaseUrl: string,
  work: (client: PgClient) => Promise<T>
): Promise<T> {
  const client = await connectPg(databaseUrl)
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * Drops and recreates the `public` schema, refusing a database whose name
 * does not say it is for benchmarks or tests (BENCH_ALLOW_DROP=1 overrides).
 */
export async function resetPublicSchema(
  databaseUrl: string
): Promise<{ database: string; server: string }> {
  return withPg(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT current_database() AS name, current_setting('server_version') AS version`
    )
    const name = String(rows[0].name)
    if (!/bench|test/i.test(name) && process.env.BENCH_ALLOW_DROP !== '1') {
      throw new Error(
        `refusing to drop the public schema of "${name}": use a database whose name contains "bench" or "test", or set BENCH_ALLOW_DROP=1`
      )
    }
    await client.query('DROP SCHEMA IF EXISTS public CASCADE')
    await client.query('CREATE SCHEMA public')
    return { database: name, server: `PostgreSQL ${String(rows[0].version).split(' ')[0]}` }
  })
}
