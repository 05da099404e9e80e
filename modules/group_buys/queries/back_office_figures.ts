import { weeklyCounts, type WeekCount } from '#app/database/weekly_counts'

/**
 * Back office dashboard: campaigns opened each week since `since` (by
 * when they were published; drafts never opened are left out),
 * Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday.
 */
export function weeklyGroupBuysOpened(since: Date): Promise<WeekCount[]> {
  return weeklyCounts('group_buys', 'published_at', since)
}
