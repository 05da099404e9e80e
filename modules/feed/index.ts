/**
 * Public API of the feed module: the only file other modules import.
 * Modules publish into the local feed by registering a FeedSource (from
 * their provider's boot()), apply the shared scope rule in their SQL with
 * visibilityClause(), page with olderThanClause() (keyset), and announce
 * new items after the commit.
 */
export type {
  FeedCursor,
  FeedFilters,
  FeedItem,
  FeedPage,
  FeedSource,
  FeedViewer,
} from '#modules/feed/services/feed_source'
export { registerFeedSource, registerFeedPanel } from '#modules/feed/services/registry'
export { visibilityClause, visibilityBranches } from '#modules/feed/services/visibility'
export { olderThanClause } from '#modules/feed/services/keyset'
export { feedViewerFor } from '#modules/feed/services/viewer'
export { announceFeedItem } from '#modules/feed/services/announce'
/** New items in a resident's own scope since a date (the notifications digest). */
export { feedItemsSince } from '#modules/feed/services/items_since'
