import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { announceOnce } from '#modules/alerts/services/announce'
import { AlertQueue } from '#modules/alerts/services/queue'

/**
 * After the commit of a new alert: open pages are told at once (in the
 * request, the fastest path), then the expansion is queued. If either
 * fails, or the process stops right here, the outbox row stays and the
 * sweep queues it again; the expansion announces what was not announced.
 */
@inject()
export default class PublishAlert {
  constructor(private queue: AlertQueue) {}

  async execute(outboxId: number): Promise<void> {
    await announceOnce(outboxId)
    try {
      await this.queue.expand(outboxId)
    } catch (error) {
      logger.error({ err: error, outboxId }, 'alert expansion not queued (the sweep will)')
    }
  }
}
