import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Database } from '@adonisjs/lucid/database'
import { StartupError } from '#app/startup_error'
import { assertDatabaseReady } from '#app/database/readiness'

test.group('Start-up database check', () => {
  test('passes on the test database (reachable, PostGIS available)', async ({ assert }) => {
    await assert.doesNotReject(() => assertDatabaseReady(db, 'postgres'))
  })

  test('an unreachable PostgreSQL stops the boot with what to do', async ({ assert, cleanup }) => {
    const logger = await app.container.make('logger')
    const emitter = await app.container.make('emitter')
    const unreachable = new Database(
      {
        connection: 'down',
        connections: {
          down: {
            client: 'pg',
            connection: 'postgres://quartier@127.0.0.1:1/quartier',
            pool: { min: 0, max: 1, acquireTimeoutMillis: 2000 },
          },
        },
      },
      logger.child({ level: 'fatal' }),
      emitter
    )
    cleanup(() => unreachable.manager.closeAll())

    const error = await assertDatabaseReady(unreachable, 'postgres').catch((e) => e)
    assert.instanceOf(error, StartupError)
    assert.include(error.message, 'PostgreSQL is unreachable')
    assert.include(error.hint, 'postgresql-15-postgis-3')
  })
})
