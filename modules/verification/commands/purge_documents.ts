import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The same purge the queue runs hourly, on demand (cron, or after an
 * outage): documents nobody decided on within 30 days are deleted and
 * their residents told; files a decision left behind are deleted.
 */
export default class PurgeDocuments extends BaseCommand {
  static commandName = 'verification:purge-documents'
  static description =
    'Delete proof-of-address documents pending for more than 30 days (and files left behind)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: ExpireStaleDocuments } =
      await import('#modules/verification/actions/documents/expire_stale_documents')
    const report = await new ExpireStaleDocuments().execute()
    this.logger.info(
      `${report.expired} expired, ${report.closed} closed (already verified), ${report.retried} leftover files deleted`
    )
  }
}
