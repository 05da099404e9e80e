import { deserialize, serialize } from 'node:v8'
import type { PluginCache } from '#sdk'

/**
 * `ctx.cache` of a plugin: in memory, per plugin and per process, with a
 * TTL. Values are copied in and out (v8 serialisation: Dates survive, a
 * plugin cannot mutate what another call reads) and bounded in count and
 * bytes, oldest dropped first. Enough for one process; with several app
 * processes each keeps its own copy (a plugin must treat it as a hint).
 */
export class PluginMemoryCache implements PluginCache {
  private entries = new Map<string, { bytes: Buffer; expiresAt: number }>()
  private totalBytes = 0

  constructor(
    private now: () => number,
    private limits = { maxEntries: 500, maxBytes: 8 * 1024 * 1024, maxTtlSeconds: 86_400 }
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= this.now()) {
      this.drop(key)
      return undefined
    }
    return deserialize(entry.bytes) as T
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
      throw new Error('cache keys are 1 to 200 characters')
    }
    const ttl = Math.min(Math.max(Number(ttlSeconds) || 0, 0), this.limits.maxTtlSeconds)
    this.drop(key)
    if (ttl === 0) return
    const bytes = serialize(value)
    /** Too big to cache at all: silently not cached (a cache may forget). */
    if (bytes.length > this.limits.maxBytes / 4) return
    while (
      this.entries.size >= this.limits.maxEntries ||
      this.totalBytes + bytes.length > this.limits.maxBytes
    ) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.drop(oldest)
    }
    this.entries.set(key, { bytes, expiresAt: this.now() + ttl * 1000 })
    this.totalBytes += bytes.length
  }

  private drop(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.totalBytes -= entry.bytes.length
    this.entries.delete(key)
  }
}
