import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { AlertQueue } from '#modules/alerts/services/queue'
import { alertSettings } from '#modules/alerts/services/settings'

/**
 * An operator sends dead letters again (the provider is back): each goes
 * back to pending with a fresh set of tries, and is queued. Deliveries of
 * a retracted alert stay dead. Returns how many were replayed.
 */
@inject()
export default class ReplayDeadLetters {
  constructor(private queue: AlertQueue) {}

  async execute(ids: number[] | 'all', now: Date = new Date()): Promise<number> {
    const query = db
      .from('alert_deliveries')
      .where('status', 'dead')
      .whereIn('alert_id', db.from('alerts').where('status', 'active').select('id'))
    if (ids !== 'all') query.whereIn('id', ids.length > 0 ? ids : [0])
    const rows = (await query
      .update({
        status: 'pending',
        attempts: 0,
        reason: null,
        claimed_at: null,
        next_attempt_at: now,
        updated_at: now,
      })
      .returning(['id', 'channel'])) as { id: number | string; channel: string }[]
    const size = alertSettings.deliveriesPerJob
    for (const channel of ['push', 'sms', 'email']) {
      const channelIds = rows.filter((row) => row.channel === channel).map((row) => Number(row.id))
      for (let index = 0; index < channelIds.length; index += size) {
        await this.queue.deliver(channelIds.slice(index, index + size))
      }
    }
    return rows.length
  }
}
