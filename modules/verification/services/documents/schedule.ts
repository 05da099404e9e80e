import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const PURGE_SCHEDULE_ID = 'verification:purge-documents'

/**
 * Registers the hourly purge of stale documents with the job queue. The
 * schedule lives in the database: whichever worker runs (in the web
 * process on the embedded database, `npm run worker` otherwise) fires it.
 * A cron at a fixed minute (not "every hour from now") so that restarts
 * do not keep postponing it. A failure is logged, never fatal to the start.
 */
export async function scheduleDocumentPurge(): Promise<void> {
  try {
    const { default: PurgeStaleDocuments } =
      await import('#modules/verification/jobs/purge_stale_documents')
    await PurgeStaleDocuments.schedule({}).id(PURGE_SCHEDULE_ID).cron('7 * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the purge of stale documents')
  }
}
