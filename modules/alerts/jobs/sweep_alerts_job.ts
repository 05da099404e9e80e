import { inject } from '@adonisjs/core'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import SweepAlerts from '#modules/alerts/actions/sweep_alerts'

/**
 * Every minute (scheduled by the provider in the web process): queues
 * again what lost its job (an outbox row never expanded, a due delivery
 * nobody picked up) and dead-letters deliveries whose worker died while
 * sending them.
 */
@inject()
export default class SweepAlertsJob extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'AlertsSweep',
    queue: 'alerts',
    maxRetries: 1,
  }

  constructor(private sweep: SweepAlerts) {
    super()
  }

  async execute() {
    const report = await this.sweep.execute()
    if (report.outbox || report.requeued || report.interrupted) {
      logger.info(report, 'alerts sweep queued lost work again')
    }
  }
}
