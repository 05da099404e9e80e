import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import { redisOptionsFromUrl, redisUrl } from '#config/redis'

/**
 * One process: no transport, broadcasts reach the streams it holds. Several
 * processes (REDIS_URL set): every broadcast also goes through Redis to the
 * other processes, which hand it to their own streams (DESIGN.md section 7).
 */
export function transmitConfig(url: string | undefined) {
  return defineConfig({
    pingInterval: '30s',
    transport: url
      ? { driver: redis(redisOptionsFromUrl(url)), channel: 'quartier::transmit' }
      : null,
  })
}

export default transmitConfig(redisUrl)
