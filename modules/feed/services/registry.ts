import type { FeedSource } from '#modules/feed/services/feed_source'

const sources = new Map<string, FeedSource>()

/** Source names travel in cursors: short lower-case words only. */
export const SOURCE_NAME = /^[a-z][a-z0-9_]{0,31}$/

/** Called by a module's provider (boot) to publish into the feed. */
export function registerFeedSource(source: FeedSource): void {
  if (!SOURCE_NAME.test(source.name)) {
    throw new Error(`feed source name "${source.name}" must match ${SOURCE_NAME}`)
  }
  if (sources.has(source.name)) throw new Error(`feed source "${source.name}" registered twice`)
  sources.set(source.name, source)
}

/** Takes a source out of the feed (tests that register their own). */
export function unregisterFeedSource(name: string): void {
  sources.delete(name)
}

export function feedSources(): FeedSource[] {
  return [...sources.values()]
}

/** Every kind and category the registered sources can filter on, in their order, once each. */
export function feedVocabulary(): { kinds: string[]; categories: string[] } {
  const kinds = new Set<string>()
  const categories = new Set<string>()
  for (const source of sources.values()) {
    source.kinds.forEach((kind) => kinds.add(kind))
    source.categories?.forEach((category) => categories.add(category))
  }
  return { kinds: [...kinds], categories: [...categories] }
}

const panels: string[] = []

/**
 * A module's template shown above the feed's items (e.g. pinned official
 * notices), named as Edge knows it ('organisations::components/x'). It
 * renders with the page's state and fetches what it shows itself; the
 * feed knows nothing of its content.
 */
export function registerFeedPanel(view: string): void {
  if (!panels.includes(view)) panels.push(view)
}

export function feedPanels(): readonly string[] {
  return panels
}
