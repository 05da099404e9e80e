import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import RefreshPartnerOffers from '#modules/partners/actions/refresh_partner_offers'

/**
 * Every quarter of an hour (scheduled by the partners provider in the web
 * process): asks the partner plugins for each lived-in neighbourhood's
 * offers and caches them. Idempotent; a failing plugin only keeps its
 * previous offers until they expire.
 */
export default class RefreshPartnerOffersJob extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'RefreshPartnerOffers',
    queue: 'default',
    maxRetries: 1,
  }

  async execute() {
    const report = await new RefreshPartnerOffers().execute()
    if (report.neighbourhoods || report.expired) logger.info(report, 'partner offers refreshed')
  }
}
