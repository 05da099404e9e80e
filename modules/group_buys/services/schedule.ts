import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const CLOSING_SCHEDULE_ID = 'group_buys:closing'

/**
 * Registers the closing job with the job queue, every minute (a deadline
 * is a minute of Paris time): whichever worker runs fires it. A failure
 * is logged, never fatal to the start.
 */
export async function scheduleGroupBuyJobs(): Promise<void> {
  try {
    const { default: CloseGroupBuys } = await import('#modules/group_buys/jobs/close_group_buys')
    await CloseGroupBuys.schedule({}).id(CLOSING_SCHEDULE_ID).cron('* * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the group buys closing job')
  }
}
