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

/** An error's message, short enough for the last_error column. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.slice(0, 500)
}
