import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import ProcessExpiries from '#modules/exchanges/actions/process_expiries'

/**
 * Hourly (scheduled by the exchanges provider in the web process):
 * reminders before an exchange ends, expiry of those nobody agreed on,
 * clean-up of their photos. Idempotent.
 */
export default class ProcessExchangeExpiries extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'ProcessExchangeExpiries',
    queue: 'default',
    maxRetries: 3,
  }

  async execute() {
    const report = await new ProcessExpiries().execute()
    if (report.reminded || report.expired || report.finished || report.photos) {
      logger.info(report, 'exchange expiries processed')
    }
  }
}
