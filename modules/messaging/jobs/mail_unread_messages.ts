import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import logger from '@adonisjs/core/services/logger'
import MailUnreadMessages from '#modules/messaging/actions/mail_unread_messages'

/**
 * Every 5 minutes (scheduled by the messaging provider in the web
 * process): mails residents about messages unread for 15 minutes.
 * Overlapping or repeated runs never mail twice (see the action).
 */
export default class MailUnreadMessagesJob extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'MailUnreadMessages',
    queue: 'default',
    maxRetries: 2,
  }

  async execute() {
    const { mailed } = await new MailUnreadMessages().execute()
    if (mailed) logger.info({ mailed }, 'unread message mails queued')
  }
}
