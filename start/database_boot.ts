/*
| Web process start-up on the database (preloaded for the HTTP server only):
| check it is reachable with PostGIS; when the launcher asks (npm start),
| run pending migrations, seed demo data into an empty database and run the
| job worker in-process.
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import { databaseDriver } from '#config/database'
import { assertDatabaseReady } from '#app/database/readiness'
import { runPendingMigrations, seedDemoDataIfEmpty } from '#app/database/setup'
import { startInProcessWorker } from '#app/queue/in_process_worker'

/** Codegen warms the app up without running it: no database then. */
if (app.getMode() === 'run') {
  await assertDatabaseReady(db, databaseDriver)

  if (env.get('DB_AUTO_MIGRATE', false)) {
    await runPendingMigrations(app, db)
  }

  if (env.get('DB_SEED_DEMO', false)) {
    await seedDemoDataIfEmpty(app, db)
  }

  if (env.get('QUEUE_WORKER_IN_PROCESS', databaseDriver === 'embedded')) {
    await startInProcessWorker(app)
  }

  logger.debug('database ready (%s)', databaseDriver)
}
