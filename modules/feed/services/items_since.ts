import logger from '@adonisjs/core/services/logger'
import { composeFeed } from '#modules/feed/services/compose'
import type { FeedCursor, FeedItem } from '#modules/feed/services/feed_source'
import { feedSources } from '#modules/feed/services/registry'
import { feedViewerFor } from '#modules/feed/services/viewer'

/** A source slower than this is left out (a digest waits longer than a page). */
const SOURCE_TIMEOUT_MS = 5000
/** Pages read at most, and the largest page (the sources cap what one query returns). */
const MAX_PAGES = 6
const MAX_PAGE_SIZE = 100

function isAuthor(item: FeedItem, userId: number): boolean {
  return item.authorId !== undefined && item.authorId !== null && Number(item.authorId) === userId
}

/**
 * The newest items a resident may see published after `since`, at most
 * `limit`, newest first, leaving out their own posts: their own feed
 * (every registered source, each applying the scope rule for this
 * viewer), cut at `since`. The feed is newest first, so nothing newer is
 * left out. Nothing for a resident without a neighbourhood.
 *
 * Their own posts are dropped here, after the merge, not in each source's
 * SQL (one place, whatever the source). So that a resident who posted a
 * lot still hears of their neighbours' posts, the feed is read on page
 * after page (keyset, as its "Older" link does; pages doubling in size)
 * until `limit` items of others, an item older than `since`, or the end.
 * MAX_PAGES bounds the work: only someone who posted hundreds of items
 * since their last digest could see it cut short.
 */
export async function feedItemsSince(
  userId: number,
  options: { locale: string; since: Date; limit: number }
): Promise<FeedItem[]> {
  const viewer = await feedViewerFor(userId, options.locale)
  if (viewer.neighbourhoodId === null || options.limit <= 0) return []
  const since = options.since.getTime()
  const found: FeedItem[] = []
  let before: FeedCursor | null = null
  let size = Math.min(options.limit, MAX_PAGE_SIZE)
  for (let read = 0; read < MAX_PAGES; read++) {
    const page = await composeFeed(feedSources(), {
      viewer,
      filters: {},
      before,
      limit: size,
      timeoutMs: SOURCE_TIMEOUT_MS,
      logger,
    })
    for (const item of page.items) {
      if (item.publishedAt.getTime() <= since) return found
      if (isAuthor(item, userId)) continue
      found.push(item)
      if (found.length >= options.limit) return found
    }
    if (!page.next) break
    before = page.next
    size = Math.min(size * 2, MAX_PAGE_SIZE)
  }
  return found
}
