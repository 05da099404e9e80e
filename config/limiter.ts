import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Counters live in PostgreSQL (table rate_limits) so every web node shares
 * them; Redis becomes the store when the app is scaled out.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE') ?? 'database',
  stores: {
    database: stores.database({
      tableName: 'rate_limits',
      clearExpiredByTimeout: false,
    }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
