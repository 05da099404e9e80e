import { inject } from '@adonisjs/core'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import DeliverAlerts from '#modules/alerts/actions/deliver_alerts'

/**
 * Sends a few deliveries of one channel. Retries of a failed send are the
 * action's own (backoff, Retry-After, dead letter); the queue only retries
 * when the job itself broke before claiming (the database was away).
 */
@inject()
export default class DeliverAlertsJob extends Job<{ deliveryIds: number[] }> {
  static options: JobOptions = {
    name: 'AlertsDeliver',
    queue: 'alerts',
    priority: 2,
    maxRetries: 3,
  }

  constructor(private deliverAlerts: DeliverAlerts) {
    super()
  }

  async execute() {
    await this.deliverAlerts.execute(this.payload.deliveryIds)
  }
}
