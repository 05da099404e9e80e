import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import SendDigestsAction from '#modules/notifications/actions/send_digests'

/**
 * Hourly (scheduled by the notifications provider in the web process):
 * mails the daily and weekly digests that are due. Each resident is
 * claimed before their mail, so a repeated or overlapping run sends none twice.
 */
export default class SendDigests extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'SendDigests',
    queue: 'default',
    maxRetries: 3,
  }

  async execute() {
    const report = await new SendDigestsAction().execute()
    if (report.mailed || report.empty) logger.info(report, 'notification digests sent')
  }
}
