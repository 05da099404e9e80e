import { weeklyCounts, type WeekCount } from '#app/database/weekly_counts'

/**
 * Back office dashboard: accounts created each week since `since`
 * (Monday-based weeks in Paris time, 'YYYY-MM-DD' of the Monday; weeks
 * without sign-ups are absent).
 */
export function weeklySignUps(since: Date): Promise<WeekCount[]> {
  return weeklyCounts('users', 'created_at', since)
}
