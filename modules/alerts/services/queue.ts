import type { ApplicationService } from '@adonisjs/core/types'
import type { Channel } from '#modules/alerts/services/settings'

/**
 * Where the fan-out hands work to the job queue. An abstract class so
 * that it is a container key: the app dispatches @adonisjs/queue jobs
 * (queue `alerts`, listened to first by the worker); tests swap in a
 * recorder to play a worker that stops and starts again, step by step.
 */
export abstract class AlertQueue {
  /** Expand an alert's outbox row into deliveries. */
  abstract expand(outboxId: number): Promise<void>
  /** Send these deliveries, now or after `delayMs` (a retry). */
  abstract deliver(deliveryIds: number[], options?: { delayMs?: number }): Promise<void>

  /**
   * Several delivery jobs of one channel at once, to run now. Queues that
   * can store them together (one insert) do; by default, one by one.
   */
  async deliverAll(jobs: number[][], _options: { channel?: Channel } = {}): Promise<void> {
    for (const ids of jobs) if (ids.length > 0) await this.deliver(ids)
  }
}

/** Loaded once: a dynamic import per dispatch costs a module resolution each time. */
let jobs: Promise<{
  ExpandAlertJob: typeof import('#modules/alerts/jobs/expand_alert_job').default
  DeliverAlertsJob: typeof import('#modules/alerts/jobs/deliver_alerts_job').default
}> | null = null

function jobClasses() {
  jobs ??= Promise.all([
    import('#modules/alerts/jobs/expand_alert_job'),
    import('#modules/alerts/jobs/deliver_alerts_job'),
  ]).then(([expand, deliver]) => ({
    ExpandAlertJob: expand.default,
    DeliverAlertsJob: deliver.default,
  }))
  return jobs
}

/**
 * Push and SMS jobs before e-mail jobs (lower runs first): the channels
 * that reach a phone within seconds do not wait behind thousands of mails.
 */
const PRIORITY: Record<Channel, number> = { push: 2, sms: 2, email: 3 }

export class JobAlertQueue extends AlertQueue {
  async expand(outboxId: number): Promise<void> {
    const { ExpandAlertJob } = await jobClasses()
    await ExpandAlertJob.dispatch({ outboxId }).run()
  }

  async deliver(deliveryIds: number[], options: { delayMs?: number } = {}): Promise<void> {
    if (deliveryIds.length === 0) return
    const { DeliverAlertsJob } = await jobClasses()
    if (options.delayMs) {
      await DeliverAlertsJob.dispatch({ deliveryIds }).in(options.delayMs).run()
    } else {
      await DeliverAlertsJob.dispatch({ deliveryIds }).run()
    }
  }

  async deliverAll(batches: number[][], options: { channel?: Channel } = {}): Promise<void> {
    const payloads = batches.filter((ids) => ids.length > 0).map((deliveryIds) => ({ deliveryIds }))
    if (payloads.length === 0) return
    const { DeliverAlertsJob } = await jobClasses()
    await DeliverAlertsJob.dispatchMany(payloads)
      .priority(options.channel ? PRIORITY[options.channel] : 2)
      .run()
  }
}

export function registerAlertQueue(app: ApplicationService) {
  if (app.container.hasBinding(AlertQueue)) return
  app.container.singleton(AlertQueue, () => new JobAlertQueue())
}
