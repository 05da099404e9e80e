import env from '#start/env'
import { defineConfig, drivers, exponentialBackoff } from '@adonisjs/queue'

/**
 * Jobs are stored in PostgreSQL (tables queue_jobs / queue_schedules).
 * Tests run them inline with the sync adapter.
 */
export default defineConfig({
  default: env.get('QUEUE_DRIVER') ?? 'database',
  adapters: {
    database: drivers.database({ connectionName: 'postgres' }),
    sync: drivers.sync(),
  },
  retry: {
    maxRetries: 5,
    backoff: exponentialBackoff({ baseDelay: '2s', maxDelay: '10m' }),
  },
  worker: {
    concurrency: 2,
    idleDelay: '1s',
  },
  locations: ['./app/jobs/**/*.{ts,js}', './modules/*/jobs/**/*.{ts,js}'],
})
