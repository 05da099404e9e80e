import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import RemindLoanReturnsAction from '#modules/exchanges/actions/remind_loan_returns'

/** Hourly: borrowers reminded the day before a lent object is due back. Idempotent. */
export default class RemindLoanReturns extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'RemindLoanReturns',
    queue: 'default',
    maxRetries: 3,
  }

  async execute() {
    const { reminded } = await new RemindLoanReturnsAction().execute()
    if (reminded) logger.info({ reminded }, 'loan return reminders sent')
  }
}
