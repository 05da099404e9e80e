import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const REFRESH_SCHEDULE_ID = 'partners:refresh-offers'

/**
 * Registers the partner offers refresh with the job queue (whichever
 * worker runs fires it). Only when some plugin loaded: without partners
 * nothing is scheduled. A failure is logged, never fatal to the start.
 */
export async function schedulePartnerJobs(cron: string): Promise<void> {
  try {
    const { partnerHost } = await import('#modules/partners/services/host')
    if (partnerHost.activeIds().length === 0) return
    const { default: RefreshPartnerOffersJob } =
      await import('#modules/partners/jobs/refresh_partner_offers')
    await RefreshPartnerOffersJob.schedule({}).id(REFRESH_SCHEDULE_ID).cron(cron).run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the partner offers refresh')
  }
}
