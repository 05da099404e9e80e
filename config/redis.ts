import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'
import type { RedisOptions } from 'ioredis'

/**
 * Redis is only used when the app runs as several processes (REDIS_URL
 * set): Transmit's bus between them (config/transmit.ts) and the job queue
 * (config/queue.ts). Without it nothing connects: the manager opens a
 * connection only when something asks for one.
 */
export const redisUrl: string | undefined = env.get('REDIS_URL') || undefined

/**
 * ioredis options from redis://[user][:password@]host[:port][/db]
 * (rediss:// for TLS). The same options feed the queue's connection and
 * Transmit's two bus connections.
 */
export function redisOptionsFromUrl(value: string): RedisOptions {
  const url = new URL(value)
  const database = url.pathname.replace(/^\//, '')
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db: database ? Number(database) : 0,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  }
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    /** Unset REDIS_URL: a placeholder that never connects on its own. */
    main: redisUrl ? redisOptionsFromUrl(redisUrl) : { host: '127.0.0.1', lazyConnect: true },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
