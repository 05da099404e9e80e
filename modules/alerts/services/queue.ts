import type { ApplicationService } from '@adonisjs/core/types'

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
}

export class JobAlertQueue extends AlertQueue {
  async expand(outboxId: number): Promise<void> {
    const { default: ExpandAlertJob } = await import('#modules/alerts/jobs/expand_alert_job')
    await ExpandAlertJob.dispatch({ outboxId }).run()
  }

  async deliver(deliveryIds: number[], options: { delayMs?: number } = {}): Promise<void> {
    if (deliveryIds.length === 0) return
    const { default: DeliverAlertsJob } = await import('#modules/alerts/jobs/deliver_alerts_job')
    if (options.delayMs) {
      await DeliverAlertsJob.dispatch({ deliveryIds }).in(options.delayMs).run()
    } else {
      await DeliverAlertsJob.dispatch({ deliveryIds }).run()
    }
  }
}

export function registerAlertQueue(app: ApplicationService) {
  if (app.container.hasBinding(AlertQueue)) return
  app.container.singleton(AlertQueue, () => new JobAlertQueue())
}
