import type {
  FeedCursor,
  FeedFilters,
  FeedItem,
  FeedSource,
  FeedViewer,
} from '#modules/feed/services/feed_source'

/** The feed's order: newest first, then source name, then id (largest first). */
export function compareFeedOrder(a: FeedCursor, b: FeedCursor): number {
  const time = b.publishedAt.getTime() - a.publishedAt.getTime()
  if (time !== 0) return time
  if (a.source !== b.source) return a.source < b.source ? -1 : 1
  return b.id - a.id
}

export interface ComposedPage {
  items: FeedItem[]
  /** Where the next ("Older") page starts, or null when this is the last one. */
  next: FeedCursor | null
  /** Sources left out of this page because they failed or were too slow. */
  skipped: string[]
}

export interface ComposeOptions {
  viewer: FeedViewer
  filters: FeedFilters
  before: FeedCursor | null
  /** Items per page. */
  limit: number
  /** A source that has not answered by then is left out of the page. */
  timeoutMs: number
  logger: { warn(details: object, message: string): void }
}

/** Whether a source can have anything matching the filters (otherwise it is not asked). */
function mayMatch(source: FeedSource, filters: FeedFilters): boolean {
  if (filters.kind && !source.kinds.includes(filters.kind)) return false
  if (filters.category && !source.categories?.includes(filters.category)) return false
  return true
}

class SourceTimeout extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceTimeout(`no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * One page of the feed: every source is asked in parallel for its
 * `limit + 1` newest visible items before the cursor; the answers are
 * merged in the feed's order and cut to one page. Keyset only: each
 * source answers "before this point", so no page ever needs an offset.
 * A source that throws or is too slow is logged and left out; the page
 * still shows the others.
 */
export async function composeFeed(
  sources: readonly FeedSource[],
  options: ComposeOptions
): Promise<ComposedPage> {
  const { viewer, filters, before, limit } = options
  const asked = sources.filter((source) => mayMatch(source, filters))
  const answers = await Promise.all(
    asked.map(async (source) => {
      const pending = Promise.resolve().then(() =>
        source.items({ viewer, filters, before, limit: limit + 1 })
      )
      /** A late failure after the timeout must not become an unhandled rejection. */
      pending.catch(() => {})
      try {
        const items = await withTimeout(pending, options.timeoutMs)
        return { source, items: items.slice(0, limit + 1), failed: false }
      } catch (error) {
        const reason = error instanceof SourceTimeout ? 'timeout' : 'error'
        options.logger.warn(
          { err: error, source: source.name, reason },
          'feed source skipped for this page'
        )
        return { source, items: [] as FeedItem[], failed: true }
      }
    })
  )

  const seen = new Set<string>()
  const merged: FeedItem[] = []
  for (const { source, items } of answers) {
    for (const answered of items) {
      /** Ids and dates as the order needs them, whatever the driver returned. */
      const item = {
        ...answered,
        id: Number(answered.id),
        publishedAt: new Date(answered.publishedAt),
      }
      /** Only what the source may publish, strictly after the cursor, once. */
      if (item.source !== source.name || !Number.isSafeInteger(item.id)) continue
      if (Number.isNaN(item.publishedAt.getTime())) continue
      if (before && compareFeedOrder(item, before) <= 0) continue
      const key = `${item.source}:${item.id}`
      if (seen.has(key)) continue
      seen.add(key)
      merged.push(item)
    }
  }
  merged.sort(compareFeedOrder)

  const items = merged.slice(0, limit)
  const last = items.at(-1)
  const next =
    merged.length > limit && last
      ? { publishedAt: last.publishedAt, source: last.source, id: last.id }
      : null
  return {
    items,
    next,
    skipped: answers.filter((answer) => answer.failed).map((answer) => answer.source.name),
  }
}
