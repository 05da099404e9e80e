import db from '@adonisjs/lucid/services/db'
import type { Channel } from '#modules/alerts/services/settings'

export interface DeadLetter {
  id: number
  alertId: number
  kind: string
  severity: string
  neighbourhoodId: number
  alertActive: boolean
  userId: number
  channel: Channel
  attempts: number
  reason: string | null
  lastError: string | null
  deadSince: Date
}

/** Deliveries that gave up, most recent first (the back office's list). */
export async function deadLetters(
  options: { channel?: Channel; limit?: number } = {}
): Promise<{ letters: DeadLetter[]; total: number }> {
  const base = () => {
    const query = db.from('alert_deliveries as d').where('d.status', 'dead')
    if (options.channel) query.where('d.channel', options.channel)
    return query
  }
  const [count] = await base().count('* as total')
  const rows = await base()
    .join('alerts as a', 'a.id', 'd.alert_id')
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(options.limit ?? 200)
    .select(
      'd.id',
      'd.alert_id',
      'a.kind',
      'a.severity',
      'a.neighbourhood_id',
      'a.status as alert_status',
      'd.user_id',
      'd.channel',
      'd.attempts',
      'd.reason',
      'd.last_error',
      'd.updated_at'
    )
  return {
    total: Number(count.total),
    letters: rows.map((row) => ({
      id: Number(row.id),
      alertId: Number(row.alert_id),
      kind: row.kind,
      severity: row.severity,
      neighbourhoodId: Number(row.neighbourhood_id),
      alertActive: row.alert_status === 'active',
      userId: Number(row.user_id),
      channel: row.channel,
      attempts: Number(row.attempts),
      reason: row.reason,
      lastError: row.last_error,
      deadSince: row.updated_at,
    })),
  }
}
