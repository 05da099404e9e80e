import db from '@adonisjs/lucid/services/db'
import { findAlert } from '#modules/alerts/queries/alert_record'
import { broadcastAlert } from '#modules/alerts/services/live'

/**
 * Tells the open pages once per alert: whoever first marks the outbox
 * row announced broadcasts (the request that raised it, or the expansion
 * job when that request died before). A retracted alert is not announced.
 */
export async function announceOnce(outboxId: number, now: Date = new Date()): Promise<void> {
  const [row] = await db
    .from('alert_outbox')
    .where('id', outboxId)
    .whereNull('announced_at')
    .update({ announced_at: now })
    .returning('alert_id')
  if (!row) return
  const alert = await findAlert(Number(row.alert_id))
  if (alert && alert.status === 'active') await broadcastAlert(alert)
}
