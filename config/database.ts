import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { embeddedDataDir, readEmbeddedState } from '#database/embedded/state'

/**
 * bigint (int8) columns and count(*) come back from `pg` as strings; our ids
 * and counts stay far below 2^53, so read them as numbers (models type ids
 * as numbers; `===` between an id and a number would otherwise fail).
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10))

/**
 * One code path, two backends: a real PostgreSQL + PostGIS when
 * DATABASE_URL is set, otherwise the embedded PGlite server that the
 * launchers start (see database/embedded/).
 */
export const databaseDriver =
  env.get('DB_DRIVER') ?? (env.get('DATABASE_URL') ? 'postgres' : 'embedded')

function embeddedPort(): number {
  const fromEnv = env.get('EMBEDDED_DB_PORT')
  if (fromEnv) return fromEnv
  return readEmbeddedState(embeddedDataDir(fileURLToPath(app.appRoot)))?.port ?? 0
}

/**
 * Migrations are grouped per module; folders run in this order.
 */
export const migrationPaths = [
  './database/migrations/core',
  './database/migrations/accounts',
  './database/migrations/neighbourhoods',
  './database/migrations/verification',
  './database/migrations/messaging',
  './database/migrations/exchanges',
  './database/migrations/alerts',
  './database/migrations/group_buys',
  './database/migrations/partners',
  './database/migrations/organisations',
  './database/migrations/events',
  './database/migrations/moderation',
  './database/migrations/notifications',
  './database/migrations/privacy',
]

const shared = {
  client: 'pg' as const,
  migrations: { naturalSort: true, paths: migrationPaths },
  seeders: { paths: ['./database/seeders'] },
  schemaGeneration: { enabled: false },
  debug: false,
}

export default defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: false,
  connections: {
    postgres:
      databaseDriver === 'embedded'
        ? {
            ...shared,
            connection: {
              host: '127.0.0.1',
              port: embeddedPort(),
              user: 'postgres',
              database: 'postgres',
            },
            /**
             * PGlite is one session shared by every socket: a second pooled
             * connection would wait behind the first one's transactions.
             * That session also outlives a pooled connection, keeping its
             * named prepared statements (the rate limiter uses some): a new
             * connection clears them, or re-preparing fails with "prepared
             * statement already exists". Idle connections are kept.
             */
            pool: {
              min: 0,
              max: 1,
              acquireTimeoutMillis: 60_000,
              idleTimeoutMillis: 24 * 3600_000,
              afterCreate: (
                connection: any,
                done: (error: Error | null, connection: any) => void
              ) => {
                connection.query('DEALLOCATE ALL', (error: Error | null) => done(error, connection))
              },
            },
          }
        : {
            ...shared,
            connection: env.get('DATABASE_URL'),
            pool: { min: 0, max: env.get('DB_POOL_MAX', 10) },
          },
  },
})
