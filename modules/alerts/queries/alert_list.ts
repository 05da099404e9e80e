import db from '@adonisjs/lucid/services/db'
import {
  ALERT_COLUMNS,
  toAlertRecord,
  type AlertRecord,
} from '#modules/alerts/queries/alert_record'

export const ALERTS_PER_PAGE = 20

/**
 * A neighbourhood's alerts, newest first, a page at a time (keyset: ids
 * below `before`). One more than a page is read to know if there is more.
 */
export async function alertsOf(
  neighbourhoodId: number,
  before?: number
): Promise<{ alerts: AlertRecord[]; nextBefore: number | null }> {
  const { rows } = await db.rawQuery(
    `SELECT ${ALERT_COLUMNS} FROM alerts a
      WHERE a.neighbourhood_id = ? AND a.hidden_at IS NULL ${before ? 'AND a.id < ?' : ''}
      ORDER BY a.id DESC LIMIT ?`,
    before ? [neighbourhoodId, before, ALERTS_PER_PAGE + 1] : [neighbourhoodId, ALERTS_PER_PAGE + 1]
  )
  const alerts = (rows as Record<string, any>[]).map(toAlertRecord)
  const more = alerts.length > ALERTS_PER_PAGE
  const page = alerts.slice(0, ALERTS_PER_PAGE)
  return { alerts: page, nextBefore: more ? page[page.length - 1].id : null }
}

/** Alerts a resident raised in the last 24 hours (the form says how many are left). */
export async function recentAlertCount(userId: number, now: Date = new Date()): Promise<number> {
  const [row] = await db
    .from('alerts')
    .where('author_id', userId)
    .whereNull('official_alert_id')
    .where('created_at', '>', new Date(now.getTime() - 24 * 3600_000))
    .count('* as total')
  return Number(row.total)
}
