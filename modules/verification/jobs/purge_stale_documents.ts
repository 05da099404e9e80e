import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import ExpireStaleDocuments from '#modules/verification/actions/documents/expire_stale_documents'

/**
 * Hourly (scheduled by the verification provider in the web process):
 * deletes documents nobody decided on within 30 days. Idempotent, so a
 * run repeated or overlapping another changes nothing twice.
 */
export default class PurgeStaleDocuments extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'PurgeStaleDocuments',
    queue: 'default',
    maxRetries: 3,
  }

  async execute() {
    const report = await new ExpireStaleDocuments().execute()
    if (report.expired || report.closed || report.retried) {
      logger.info(report, 'stale proof-of-address documents purged')
    }
  }
}
