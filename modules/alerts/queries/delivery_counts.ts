import db from '@adonisjs/lucid/services/db'
import { CHANNELS, type Channel } from '#modules/alerts/services/settings'

export interface ChannelCounts {
  /** Not sent yet: waiting, retrying or being sent. */
  waiting: number
  /** Accepted by the provider (delivered ones included). */
  sent: number
  /** Confirmed on the phone (SMS receipts only). */
  delivered: number
  /** Refused or dead after the last try. */
  failed: number
  skipped: number
  /** Skipped and failed, by reason code. */
  reasons: Record<string, number>
}

/** What the fan-out of one alert did, per channel (the author's and moderators' view). */
export async function deliveryCounts(alertId: number): Promise<Record<Channel, ChannelCounts>> {
  const rows = await db
    .from('alert_deliveries')
    .where('alert_id', alertId)
    .groupBy('channel', 'status', 'reason')
    .select('channel', 'status', 'reason')
    .count('* as total')
  const counts = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      { waiting: 0, sent: 0, delivered: 0, failed: 0, skipped: 0, reasons: {} },
    ])
  ) as Record<Channel, ChannelCounts>
  for (const row of rows) {
    const entry = counts[row.channel as Channel]
    const total = Number(row.total)
    if (row.status === 'pending' || row.status === 'sending') entry.waiting += total
    if (row.status === 'sent' || row.status === 'delivered') entry.sent += total
    if (row.status === 'delivered') entry.delivered += total
    if (row.status === 'failed' || row.status === 'dead') entry.failed += total
    if (row.status === 'skipped') entry.skipped += total
    if (row.reason && ['failed', 'dead', 'skipped'].includes(row.status)) {
      entry.reasons[row.reason] = (entry.reasons[row.reason] ?? 0) + total
    }
  }
  return counts
}
