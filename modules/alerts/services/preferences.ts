import {
  CHANNELS,
  SEVERITIES,
  type Channel,
  type DeliveryReason,
  type Severity,
} from '#modules/alerts/services/settings'
import { inQuietHours } from '#modules/alerts/services/paris_time'

/** A resident's choices: channels per severity, quiet hours (Paris minutes). */
export interface AlertPreferences {
  channels: Record<Channel, Record<Severity, boolean>>
  quietStart: number | null
  quietEnd: number | null
}

/**
 * Until a resident chooses: push for everything (once a device is
 * registered), e-mail for urgent and critical alerts, never SMS (opt-in
 * only: it needs a verified number), no quiet hours.
 */
export function defaultPreferences(): AlertPreferences {
  return {
    channels: {
      push: { info: true, urgent: true, critical: true },
      email: { info: false, urgent: true, critical: true },
      sms: { info: false, urgent: false, critical: false },
    },
    quietStart: null,
    quietEnd: null,
  }
}

/** A row of alert_preferences as choices. */
export function preferencesFromRow(row: Record<string, any> | undefined | null): AlertPreferences {
  if (!row) return defaultPreferences()
  const channels = {} as AlertPreferences['channels']
  for (const channel of CHANNELS) {
    channels[channel] = {} as Record<Severity, boolean>
    for (const severity of SEVERITIES) {
      channels[channel][severity] = Boolean(row[`${channel}_${severity}`])
    }
  }
  return {
    channels,
    quietStart: row.quiet_start === null ? null : Number(row.quiet_start),
    quietEnd: row.quiet_end === null ? null : Number(row.quiet_end),
  }
}

/** Choices as a row of alert_preferences. */
export function preferencesToRow(preferences: AlertPreferences): Record<string, unknown> {
  const row: Record<string, unknown> = {
    quiet_start: preferences.quietStart,
    quiet_end: preferences.quietEnd,
  }
  for (const channel of CHANNELS) {
    for (const severity of SEVERITIES) {
      row[`${channel}_${severity}`] = preferences.channels[channel][severity]
    }
  }
  return row
}

/**
 * What a resident's choices say for one channel and one alert: not
 * wanted (no delivery at all), send, or skip with the reason recorded.
 * Quiet hours hold back every channel, except that critical alerts still
 * go out by push and e-mail; SMS keeps to quiet hours and stays opt-in
 * (its checkbox), whatever the severity.
 */
export function channelDecision(
  preferences: AlertPreferences,
  channel: Channel,
  severity: Severity,
  minuteOfDay: number
): 'unwanted' | 'send' | DeliveryReason {
  if (!preferences.channels[channel][severity]) return 'unwanted'
  if (!inQuietHours(minuteOfDay, preferences.quietStart, preferences.quietEnd)) return 'send'
  if (severity === 'critical' && channel !== 'sms') return 'send'
  return 'quiet_hours'
}
