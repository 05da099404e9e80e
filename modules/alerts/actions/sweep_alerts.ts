import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { AlertQueue } from '#modules/alerts/services/queue'
import { alertSettings } from '#modules/alerts/services/settings'

export interface SweepReport {
  outbox: number
  requeued: number
  interrupted: number
}

/**
 * The fan-out's safety net, every minute. Queues again an outbox row
 * never expanded and pending deliveries long overdue (their job was lost:
 * the process stopped between the commit and the queue). A delivery
 * claimed longer ago than the lease lost its worker while sending: it may
 * or may not have left, so it is not sent again blindly but dead-lettered
 * (reason `interrupted`) for an operator to look at and replay.
 */
@inject()
export default class SweepAlerts {
  constructor(private queue: AlertQueue) {}

  async execute(options: { now?: Date } = {}): Promise<SweepReport> {
    const now = options.now ?? new Date()
    const { overdueMs, claimLeaseMs } = alertSettings.retry

    const outbox = await db
      .from('alert_outbox')
      .whereNull('expanded_at')
      .where('created_at', '<', new Date(now.getTime() - 30_000))
      .orderBy('id')
      .limit(100)
      .select('id')
    for (const row of outbox) await this.queue.expand(Number(row.id))

    const overdue = await db
      .from('alert_deliveries')
      .where('status', 'pending')
      .where('next_attempt_at', '<', new Date(now.getTime() - overdueMs))
      .orderBy('id')
      .limit(5000)
      .select('id', 'channel')
    const size = alertSettings.deliveriesPerJob
    for (const channel of ['push', 'sms', 'email']) {
      const ids = overdue.filter((row) => row.channel === channel).map((row) => Number(row.id))
      for (let index = 0; index < ids.length; index += size) {
        await this.queue.deliver(ids.slice(index, index + size))
      }
    }

    const interrupted = await db
      .from('alert_deliveries')
      .where('status', 'sending')
      .where('claimed_at', '<', new Date(now.getTime() - claimLeaseMs))
      .update({
        status: 'dead',
        reason: 'interrupted',
        last_error: 'The worker stopped while sending: it may or may not have been sent.',
        failed_at: now,
        updated_at: now,
      })

    return { outbox: outbox.length, requeued: overdue.length, interrupted: Number(interrupted) }
  }
}
