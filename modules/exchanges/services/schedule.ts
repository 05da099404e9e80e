import logger from '@adonisjs/core/services/logger'

/** The schedules' ids in queue_schedules: upserted, so every start keeps one of each. */
export const EXPIRY_SCHEDULE_ID = 'exchanges:expiries'
export const LOAN_SCHEDULE_ID = 'exchanges:loan-returns'

/**
 * Registers the hourly exchange jobs with the job queue (whichever worker
 * runs fires them). Crons at fixed minutes, so that restarts do not keep
 * postponing them. A failure is logged, never fatal to the start.
 */
export async function scheduleExchangeJobs(): Promise<void> {
  try {
    const { default: ProcessExchangeExpiries } =
      await import('#modules/exchanges/jobs/process_exchange_expiries')
    const { default: RemindLoanReturns } =
      await import('#modules/exchanges/jobs/remind_loan_returns')
    await ProcessExchangeExpiries.schedule({}).id(EXPIRY_SCHEDULE_ID).cron('17 * * * *').run()
    await RemindLoanReturns.schedule({}).id(LOAN_SCHEDULE_ID).cron('27 * * * *').run()
  } catch (error) {
    logger.warn({ err: error }, 'could not schedule the exchange jobs')
  }
}
