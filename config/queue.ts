import env from '#start/env'
import { defineConfig, drivers, exponentialBackoff } from '@adonisjs/queue'
import { redisUrl } from '#config/redis'

type QueueDriver = 'database' | 'redis' | 'sync'

/**
 * Jobs are stored in PostgreSQL (tables queue_jobs / queue_schedules), or
 * in Redis when REDIS_URL is set (several app processes). QUEUE_DRIVER
 * overrides the choice; tests run jobs inline with the sync adapter.
 * The redis adapter is declared only with a REDIS_URL: every declared
 * adapter connects at boot.
 */
export function queueConfig(choice: { driver?: QueueDriver; redisUrl?: string }) {
  if (choice.driver === 'redis' && !choice.redisUrl) {
    throw new Error('QUEUE_DRIVER=redis needs REDIS_URL (redis://host:6379/0).')
  }
  const adapters = {
    database: drivers.database({ connectionName: 'postgres' }),
    sync: drivers.sync(),
    ...(choice.redisUrl ? { redis: drivers.redis({ connectionName: 'main' }) } : {}),
  }
  return defineConfig({
    default: choice.driver ?? (choice.redisUrl ? 'redis' : 'database'),
    adapters,
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
}

export default queueConfig({ driver: env.get('QUEUE_DRIVER'), redisUrl })
