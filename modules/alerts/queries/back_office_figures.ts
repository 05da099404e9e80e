import db from '@adonisjs/lucid/services/db'
import { weeklyCounts, type WeekCount } from '#app/database/weekly_counts'

/**
 * Back office dashboard: alerts raised each week since `since` (retracted
 * ones included), Monday-based weeks in Paris time, 'YYYY-MM-DD' of the
 * Monday.
 */
export function weeklyAlerts(since: Date): Promise<WeekCount[]> {
  return weeklyCounts('alerts', 'created_at', since)
}

/** Deliveries that gave up and wait for an operator to replay them. */
export async function deadLetterCount(): Promise<number> {
  const [row] = await db.from('alert_deliveries').where('status', 'dead').count('* as total')
  return Number(row.total)
}
