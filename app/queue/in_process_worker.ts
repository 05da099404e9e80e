import type { ApplicationService } from '@adonisjs/core/types'

/**
 * A job worker inside the current process, configured as `queue:work`
 * configures its own.
 */
export async function createWorker(app: ApplicationService, options: { adapter?: string } = {}) {
  const { Worker } = await import('@adonisjs/queue')
  const config = app.config.get<any>('queue')
  const queueManager = await app.container.make('queue.manager')
  const logger = await app.container.make('logger')

  const adapters: Record<string, unknown> = {}
  for (const [name, adapter] of Object.entries<any>(config.adapters)) {
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }

  await queueManager.loadJobs()
  return new Worker({
    ...config,
    default: options.adapter ?? config.default,
    autoLoadJobs: false,
    adapters,
    jobFactory: config.jobFactory ?? ((jobClass: any) => app.container.make(jobClass)),
    logger: config.logger ?? logger,
  })
}

/**
 * On the embedded backend `npm start` must be enough, so the web process
 * runs the job worker itself (on a real PostgreSQL, run `npm run worker`
 * as its own process).
 */
export async function startInProcessWorker(app: ApplicationService, queues = ['default', 'mail']) {
  const logger = await app.container.make('logger')
  const worker = await createWorker(app)

  /** start() resolves only when the worker stops: do not await it. */
  worker.start(queues).catch((error: Error) => logger.error({ err: error }, 'job worker stopped'))
  app.terminating(async () => {
    await worker.stop()
  })
  logger.info(`job worker running in the web process (queues: ${queues.join(', ')})`)
  return worker
}
