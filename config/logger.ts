import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/logger'

/**
 * JSON lines on stdout in production; readable lines in development. Both
 * are written from the app's own thread: a pino transport would start a
 * worker thread costing ~30 MB of memory per process.
 */
async function prettyStream() {
  if (app.inProduction) return undefined
  const { default: pretty } = await import('pino-pretty')
  return pretty({ sync: true, colorize: process.stdout.isTTY })
}
const destination = await prettyStream()

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'quartier',
      level: env.get('LOG_LEVEL', app.inTest ? 'warn' : 'info'),
      ...(destination ? { destination } : {}),
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
