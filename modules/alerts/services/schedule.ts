import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const SWEEP_SCHEDULE_ID = 'alerts:sweep'

/**
 * Registers the alerts sweep with the job queue, every minute: whichever
 * worker runs fires it. A failure is logged, never fatal to the start.
 */
export async function scheduleAlertsSweep(): Promise<void> {
  try {
    const { default: SweepAlertsJob } = await import('#modules/alerts/jobs/sweep_alerts_job')
    await SweepAlertsJob.schedule({}).id(SWEEP_SCHEDULE_ID).cron('* * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the alerts sweep')
  }
}
