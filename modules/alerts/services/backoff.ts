import { alertSettings } from '#modules/alerts/services/settings'

/**
 * How long to wait before the next try of a delivery that failed
 * `attempts` times: exponential (base, 2x, 4x... up to the cap) with
 * "equal jitter" (half fixed, half random), so that thousands of
 * deliveries failing together do not come back together. A provider's
 * Retry-After (429) is honoured: never sooner, plus a second of jitter.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs?: number,
  random: () => number = Math.random
): number {
  const { baseDelayMs, maxDelayMs } = alertSettings.retry
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, 24 * 3600_000) + Math.floor(random() * 1000)
  }
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1))
  return Math.floor(ceiling / 2 + random() * (ceiling / 2))
}
