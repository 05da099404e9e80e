import db from '@adonisjs/lucid/services/db'

const KEPT_DURATIONS = 200

/** What a process counted for one plugin since its last flush. */
interface Pending {
  calls: number
  failures: number
  timeouts: number
  rejected: number
  invalidOffers: number
  lastError: string | null
  lastErrorAt: Date | null
  lastSuccessAt: Date | null
  durations: number[]
}

function empty(): Pending {
  return {
    calls: 0,
    failures: 0,
    timeouts: 0,
    rejected: 0,
    invalidOffers: 0,
    lastError: null,
    lastErrorAt: null,
    lastSuccessAt: null,
    durations: [],
  }
}

export interface PluginStats {
  calls: number
  failures: number
  timeouts: number
  rejected: number
  invalidOffers: number
  lastError: string | null
  lastErrorAt: Date | null
  lastSuccessAt: Date | null
  p50: number | null
  p95: number | null
}

/** The value under which `share` of the durations fall (nearest rank). */
export function percentile(durations: number[], share: number): number | null {
  if (durations.length === 0) return null
  const sorted = [...durations].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]
}

/**
 * Call statistics of every plugin: counted in memory by the host, added to
 * the partner_plugin_stats table by flush() (the refresh job, the operator
 * page and a timer in the web process call it), so that the web process
 * and the worker add up to one figure per plugin.
 */
export class CallStats {
  private pending = new Map<string, Pending>()

  private of(pluginId: string): Pending {
    let entry = this.pending.get(pluginId)
    if (!entry) {
      entry = empty()
      this.pending.set(pluginId, entry)
    }
    return entry
  }

  success(pluginId: string, durationMs: number, at: Date) {
    const entry = this.of(pluginId)
    entry.calls += 1
    entry.lastSuccessAt = at
    entry.durations.push(Math.round(durationMs))
    if (entry.durations.length > KEPT_DURATIONS) entry.durations.shift()
  }

  failure(pluginId: string, durationMs: number, at: Date, error: string, timedOut: boolean) {
    const entry = this.of(pluginId)
    entry.calls += 1
    entry.failures += 1
    if (timedOut) entry.timeouts += 1
    entry.lastError = error.slice(0, 500)
    entry.lastErrorAt = at
    entry.durations.push(Math.round(durationMs))
    if (entry.durations.length > KEPT_DURATIONS) entry.durations.shift()
  }

  rejected(pluginId: string, at: Date, reason: string) {
    const entry = this.of(pluginId)
    entry.rejected += 1
    entry.lastError = reason.slice(0, 500)
    entry.lastErrorAt = at
  }

  invalidOffers(pluginId: string, count: number) {
    if (count > 0) this.of(pluginId).invalidOffers += count
  }

  /** Forgets what was not written yet (tests that start over). */
  clear() {
    this.pending.clear()
  }

  /** Adds what this process counted to the table, and starts counting afresh. */
  async flush(): Promise<void> {
    const batch = [...this.pending]
    this.pending.clear()
    for (const [pluginId, entry] of batch) {
      await db.rawQuery(
        `INSERT INTO partner_plugin_stats AS s
           (plugin_id, calls, failures, timeouts, rejected, invalid_offers,
            last_error, last_error_at, last_success_at, durations_ms, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::integer[], now())
         ON CONFLICT (plugin_id) DO UPDATE SET
           calls = s.calls + excluded.calls,
           failures = s.failures + excluded.failures,
           timeouts = s.timeouts + excluded.timeouts,
           rejected = s.rejected + excluded.rejected,
           invalid_offers = s.invalid_offers + excluded.invalid_offers,
           last_error = CASE WHEN excluded.last_error_at IS NOT NULL
             AND (s.last_error_at IS NULL OR excluded.last_error_at >= s.last_error_at)
             THEN excluded.last_error ELSE s.last_error END,
           last_error_at = GREATEST(s.last_error_at, excluded.last_error_at),
           last_success_at = GREATEST(s.last_success_at, excluded.last_success_at),
           durations_ms = (s.durations_ms || excluded.durations_ms)[
             GREATEST(1, cardinality(s.durations_ms || excluded.durations_ms) - ${KEPT_DURATIONS - 1}):],
           updated_at = now()`,
        [
          pluginId,
          entry.calls,
          entry.failures,
          entry.timeouts,
          entry.rejected,
          entry.invalidOffers,
          entry.lastError,
          entry.lastErrorAt,
          entry.lastSuccessAt,
          `{${entry.durations.join(',')}}`,
        ]
      )
    }
  }

  /** Every plugin's figures as written in the table. */
  async read(): Promise<Map<string, PluginStats>> {
    const { rows } = await db.rawQuery<{ rows: any[] }>(
      `SELECT plugin_id, calls, failures, timeouts, rejected, invalid_offers, last_error,
              last_error_at, last_success_at, durations_ms
         FROM partner_plugin_stats`
    )
    return new Map(
      rows.map((row) => {
        const durations = (row.durations_ms as number[]).map(Number)
        return [
          String(row.plugin_id),
          {
            calls: Number(row.calls),
            failures: Number(row.failures),
            timeouts: Number(row.timeouts),
            rejected: Number(row.rejected),
            invalidOffers: Number(row.invalid_offers),
            lastError: row.last_error,
            lastErrorAt: row.last_error_at ? new Date(row.last_error_at) : null,
            lastSuccessAt: row.last_success_at ? new Date(row.last_success_at) : null,
            p50: percentile(durations, 0.5),
            p95: percentile(durations, 0.95),
          },
        ]
      })
    )
  }
}
