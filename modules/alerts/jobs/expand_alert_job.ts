import { inject } from '@adonisjs/core'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import ExpandAlert from '#modules/alerts/actions/expand_alert'

/**
 * Turns an alert's outbox row into deliveries and queues them. Safe to
 * run again (a worker stopped half-way, a duplicate job): it resumes
 * where the last run stopped and the unique key keeps every delivery once.
 */
@inject()
export default class ExpandAlertJob extends Job<{ outboxId: number }> {
  static options: JobOptions = {
    name: 'AlertsExpand',
    queue: 'alerts',
    priority: 1,
    maxRetries: 5,
  }

  constructor(private expandAlert: ExpandAlert) {
    super()
  }

  async execute() {
    await this.expandAlert.run(this.payload.outboxId)
  }
}
