import logger from '@adonisjs/core/services/logger'
import { composeFeed } from '#modules/feed/services/compose'
import type { FeedItem } from '#modules/feed/services/feed_source'
import { feedSources } from '#modules/feed/services/registry'
import { feedViewerFor } from '#modules/feed/services/viewer'

/** A source slower than this is left out (a digest waits longer than a page). */
const SOURCE_TIMEOUT_MS = 5000

/**
 * The newest items a resident may see published after `since`, at most
 * `limit`, newest first: the first page of their own feed (every
 * registered source, each applying the scope rule for this viewer), cut
 * at `since`. The feed is newest first, so nothing newer is left out.
 * Nothing for a resident without a neighbourhood.
 */
export async function feedItemsSince(
  userId: number,
  options: { locale: string; since: Date; limit: number }
): Promise<FeedItem[]> {
  const viewer = await feedViewerFor(userId, options.locale)
  if (viewer.neighbourhoodId === null) return []
  const page = await composeFeed(feedSources(), {
    viewer,
    filters: {},
    before: null,
    limit: options.limit,
    timeoutMs: SOURCE_TIMEOUT_MS,
    logger,
  })
  return page.items.filter((item) => item.publishedAt.getTime() > options.since.getTime())
}
