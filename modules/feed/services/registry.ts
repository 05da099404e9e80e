import type { FeedSource } from '#modules/feed/services/feed_source'

const sources = new Map<string, FeedSource>()

/** Called by a module's provider (boot) to publish into the feed. */
export function registerFeedSource(source: FeedSource): void {
  if (sources.has(source.name)) throw new Error(`feed source "${source.name}" registered twice`)
  sources.set(source.name, source)
}

export function feedSources(): FeedSource[] {
  return [...sources.values()]
}
