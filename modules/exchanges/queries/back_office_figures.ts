import { weeklyCounts, type WeekCount } from '#app/database/weekly_counts'

/**
 * Back office dashboard: exchanges posted each week since `since`
 * (whatever became of them), Monday-based weeks in Paris time,
 * 'YYYY-MM-DD' of the Monday.
 */
export function weeklyExchanges(since: Date): Promise<WeekCount[]> {
  return weeklyCounts('exchanges', 'created_at', since)
}
