import logger from '@adonisjs/core/services/logger'
import { neighbourhoodNames, residentHome } from '#modules/neighbourhoods/index'
import { composeFeed, type ComposedPage } from '#modules/feed/services/compose'
import type { FeedCursor, FeedFilters, FeedViewer } from '#modules/feed/services/feed_source'
import { feedSources } from '#modules/feed/services/registry'
import { feedViewerFor } from '#modules/feed/services/viewer'

/** Cards per page. */
export const PAGE_SIZE = 20
/** A source slower than this is left out of the page (and logged). */
export const SOURCE_TIMEOUT_MS = 2000

/** Where the resident stands: the feed needs a neighbourhood to show anything. */
export type Placement = 'placed' | 'not_placed' | 'no_neighbourhood'

export interface FeedState {
  viewer: FeedViewer
  placement: Placement
  neighbourhood: { id: number; name: string; slug: string } | null
  page: ComposedPage | null
}

/**
 * The resident's feed: who they are to the sources, their neighbourhood,
 * and (unless `withItems` is false, for a refused query) one page of
 * items before `before` matching `filters`.
 */
export async function feedState(
  userId: number,
  locale: string,
  query: { filters: FeedFilters; before: FeedCursor | null; withItems?: boolean }
): Promise<FeedState> {
  const viewer = await feedViewerFor(userId, locale)
  if (viewer.neighbourhoodId === null) {
    const home = await residentHome(userId)
    return {
      viewer,
      placement: home ? 'no_neighbourhood' : 'not_placed',
      neighbourhood: null,
      page: null,
    }
  }
  const names = await neighbourhoodNames([viewer.neighbourhoodId])
  const own = names.get(viewer.neighbourhoodId)
  const page =
    query.withItems === false
      ? null
      : await composeFeed(feedSources(), {
          viewer,
          filters: query.filters,
          before: query.before,
          limit: PAGE_SIZE,
          timeoutMs: SOURCE_TIMEOUT_MS,
          logger,
        })
  return {
    viewer,
    placement: 'placed',
    neighbourhood: own ? { id: viewer.neighbourhoodId, ...own } : null,
    page,
  }
}
