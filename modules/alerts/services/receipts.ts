import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** Twilio's final message statuses and what they make of a sent delivery. */
const FINAL: Record<string, 'delivered' | 'failed'> = {
  delivered: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
}

export function isFinalSmsStatus(status: string): boolean {
  return status in FINAL
}

/**
 * Applies a final receipt to a sent SMS delivery, once: only a `sent`
 * delivery moves (to delivered or failed); anything else stays as it is.
 * Returns whether it moved.
 */
export async function applySmsReceipt(
  client: QueryClientContract,
  deliveryId: number,
  status: string,
  errorCode: string | null,
  now: Date
): Promise<boolean> {
  const outcome = FINAL[status]
  if (!outcome) return false
  const changes =
    outcome === 'delivered'
      ? { status: 'delivered', delivered_at: now, updated_at: now }
      : {
          status: 'failed',
          reason: 'undelivered',
          failed_at: now,
          last_error: `Twilio: ${status}${errorCode ? ` (error ${errorCode})` : ''}`,
          updated_at: now,
        }
  const moved = await client
    .from('alert_deliveries')
    .where('id', deliveryId)
    .where('status', 'sent')
    .update(changes)
  return Number(moved) > 0
}
