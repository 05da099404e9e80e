import alertsConfig from '#config/alerts'

/** What an alert is about (the form's first step). */
export const ALERT_KINDS = [
  'theft_burglary',
  'accident',
  'fire_hazard',
  'missing_person',
  'animal_lost_found',
  'suspicious_behaviour',
  'other_urgent',
] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

export const SEVERITIES = ['info', 'urgent', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Channels with one delivery row each; the open page is told through Transmit. */
export const CHANNELS = ['push', 'email', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]

/** How someone seen behaving suspiciously moved (a required answer, "unknown" included). */
export const VEHICLE_KINDS = [
  'on_foot',
  'bicycle',
  'scooter',
  'motorbike',
  'car',
  'van',
  'other',
  'unknown',
] as const
export type VehicleKind = (typeof VEHICLE_KINDS)[number]

export type DeliveryStatus =
  'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped' | 'dead'

/**
 * Why a delivery was skipped or failed, recorded on the row (never
 * silently dropped) and translated on the alert's page.
 */
export type DeliveryReason =
  | 'quiet_hours'
  | 'not_verified'
  | 'phone_unverified'
  | 'sms_resident_cap'
  | 'sms_neighbourhood_cap'
  | 'sms_budget'
  | 'sms_disabled'
  | 'push_disabled'
  | 'unsubscribed'
  | 'subscription_gone'
  | 'email_unconfirmed'
  | 'no_account'
  | 'retracted'
  | 'rejected'
  | 'retries_exhausted'
  | 'interrupted'
  | 'undelivered'

export const alertSettings = alertsConfig

/** Suspicious behaviour first shows a guard screen (what counts, what does not). */
export function needsGuard(kind: AlertKind): boolean {
  return kind === 'suspicious_behaviour'
}
