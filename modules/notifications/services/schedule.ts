import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const DIGEST_SCHEDULE_ID = 'notifications:send-digests'

/**
 * Registers the hourly digest run with the job queue (a fixed minute, so
 * restarts do not postpone it). Each run mails the residents whose daily
 * or weekly digest is due. A failure is logged, never fatal to the start.
 */
export async function scheduleDigests(): Promise<void> {
  try {
    const { default: SendDigests } = await import('#modules/notifications/jobs/send_digests')
    await SendDigests.schedule({}).id(DIGEST_SCHEDULE_ID).cron('17 * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the notification digests')
  }
}
