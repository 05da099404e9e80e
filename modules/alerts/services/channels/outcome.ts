import type { AlertRecord } from '#modules/alerts/queries/alert_record'
import type { Channel, DeliveryReason } from '#modules/alerts/services/settings'

/** A delivery claimed for sending (status `sending`). */
export interface ClaimedDelivery {
  id: number
  alertId: number
  userId: number
  channel: Channel
  /** The push subscription id (push), 0 otherwise. */
  target: number
  /** Tries so far, this one included. */
  attempts: number
  claimedAt: Date
}

export interface SendContext {
  delivery: ClaimedDelivery
  alert: AlertRecord
  neighbourhood: string
}

/** What one try gave: the channel senders answer, DeliverAlerts records. */
export type Outcome =
  | { kind: 'sent'; providerMessageId?: string }
  | { kind: 'failed'; reason: DeliveryReason; error: string }
  | { kind: 'skipped'; reason: DeliveryReason }
  | { kind: 'retry'; error: string; retryAfterMs?: number }

/**
 * One channel's sends for one job: prepared once for the job's claimed
 * deliveries (their recipients, devices or numbers read in one query
 * each, not one per delivery), then called for each delivery.
 */
export interface ChannelSender {
  send(context: SendContext): Promise<Outcome>
  /** After the job's sends: bookkeeping that may be lost without harm. */
  finish?(): Promise<void>
}

/** An error's message, short enough for the last_error column. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.slice(0, 500)
}

/** A message per (alert, language): thousands of recipients share a few. */
export function perAlertAndLocale<T>(
  make: (alert: AlertRecord, neighbourhood: string, locale: string) => T
): (alert: AlertRecord, neighbourhood: string, locale: string) => T {
  const made = new Map<string, T>()
  return (alert, neighbourhood, locale) => {
    const key = `${alert.id}:${locale}`
    if (!made.has(key)) made.set(key, make(alert, neighbourhood, locale))
    return made.get(key)!
  }
}
