import type { ApplicationService } from '@adonisjs/core/types'

/**
 * The queue configuration with its adapters resolved, as `queue:work`
 * builds it. Note that a Worker re-initialises the global QueueManager
 * with the configuration it is given.
 */
export async function resolvedQueueConfig(
  app: ApplicationService,
  overrides: { adapter?: string } = {}
) {
  const config = app.config.get<any>('queue')
  const logger = await app.container.make('logger')
  const adapters: Record<string, unknown> = {}
  for (const [name, adapter] of Object.entries<any>(config.adapters)) {
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }
  return {
    ...config,
    default: overrides.adapter ?? config.default,
    autoLoadJobs: false,
    adapters,
    jobFactory: config.jobFactory ?? ((jobClass: any) => app.container.make(jobClass)),
    logger: config.logger ?? logger,
  }
}

/** A job worker inside the current process. */
export async function createWorker(app: ApplicationService, options: { adapter?: string } = {}) {
  const { Worker } = await import('@adonisjs/queue')
  const queueManager = await app.container.make('queue.manager')
  await queueManager.loadJobs()
  return new Worker(await resolvedQueueConfig(app, options))
}

/**
 * On the embedded backend `npm start` must be enough, so the web process
 * runs the job worker itself (on a real PostgreSQL, run `npm run worker`
 * as its own process). Queues are polled in this order: alerts first.
 */
export async function startInProcessWorker(
  app: ApplicationService,
  queues = ['alerts', 'default', 'mail']
) {
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
