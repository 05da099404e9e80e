import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import CloseDueCampaigns from '#modules/group_buys/actions/close_due_campaigns'

/**
 * Every minute (scheduled by the group buys provider in the web
 * process): campaigns whose deadline came close (threshold reached, the
 * price fixed) or fail. Idempotent.
 */
export default class CloseGroupBuys extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'CloseGroupBuys',
    queue: 'default',
    maxRetries: 3,
  }

  async execute() {
    const report = await new CloseDueCampaigns().execute()
    if (report.closed || report.failed) logger.info(report, 'group buys closed at their deadline')
  }
}
