import logger from '@adonisjs/core/services/logger'

/** The schedule's id in queue_schedules: upserted, so every start keeps one. */
export const UNREAD_MAIL_SCHEDULE_ID = 'messaging:unread-mails'

/**
 * Registers the unread-message mails with the job queue, every 5 minutes
 * (a message is mailed about 15 to 20 minutes after it arrived). The
 * schedule lives in the database, so whichever worker runs fires it. A
 * failure is logged, never fatal to the start.
 */
export async function scheduleUnreadMails(): Promise<void> {
  try {
    const { default: MailUnreadMessagesJob } =
      await import('#modules/messaging/jobs/mail_unread_messages')
    await MailUnreadMessagesJob.schedule({}).id(UNREAD_MAIL_SCHEDULE_ID).cron('*/5 * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the unread message mails')
  }
}
