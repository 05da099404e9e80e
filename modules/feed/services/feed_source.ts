import type { Scope } from '#modules/neighbourhoods/index'
import type { TrustLevel } from '#modules/verification/index'

/**
 * The feed's contract with the modules that publish into it (exchanges
 * now; group buys, alerts, notices, events and partner offers later). The
 * feed never reads their tables: each registers a FeedSource that answers
 * "your newest visible items before this point".
 */

/** Who is looking, resolved once per request. */
export interface FeedViewer {
  userId: number
  locale: string
  trust: TrustLevel
  /** Null when the resident has no home or lives where no neighbourhood exists yet. */
  neighbourhoodId: number | null
  townId: number | null
  /** Neighbourhoods "nearby" theirs (not their own). */
  nearbyIds: number[]
}

/** Filters a viewer chose; a source that cannot match them returns nothing. */
export interface FeedFilters {
  /** e.g. 'loan', 'ride' (exchange kinds), later 'group_buy', 'alert'... */
  kind?: string
  /** e.g. 'tools', 'garden' (exchange categories). */
  category?: string
  /** Full-text search, in the viewer's language and the other one. */
  q?: string
}

/**
 * Keyset position: items strictly older than (publishedAt, source, id) in
 * the feed's order (publishedAt desc, then source asc, then id desc).
 * publishedAt has millisecond precision (a JS Date): store it as
 * `timestamptz(3)`, order by (published_at desc, id desc) and filter with
 * olderThanClause(), so that items sharing a millisecond are neither
 * skipped nor repeated across pages.
 */
export interface FeedCursor {
  publishedAt: Date
  source: string
  id: number
}

export interface FeedPage {
  viewer: FeedViewer
  filters: FeedFilters
  before: FeedCursor | null
  /** How many items the source may return at most (the feed asks for one page). */
  limit: number
}

/** One card of the feed, already public-safe (no exact address, names as the viewer may see them). */
export interface FeedItem {
  source: string
  id: number
  publishedAt: Date
  /** Kind label key and value, e.g. 'loan'. */
  kind: string
  category: string | null
  title: string
  /** Plain text, short. */
  summary: string
  /** Where the card leads (the item's own page, checked again there). */
  url: string
  /** First name + initial, and street name (no number), or an organisation's name. */
  author: { name: string; street: string | null } | null
  scope: Scope
  neighbourhoodName: string | null
  /** Translation keys of small labels ("Offer", "Free", "Partner", "Official"...), with values. */
  badges: { key: string; values?: Record<string, string | number> }[]
  /** Optional photo URL (served by the owning module, access-checked). */
  imageUrl?: string | null
  /** The item's neighbourhood: the card names it only when it is not the viewer's own. */
  neighbourhoodId?: number | null
  /**
   * The account that posted it (a resident, or an organisation's member),
   * so the digest leaves out a resident's own posts. Never rendered nor
   * sent to a browser (toCard() copies only the card's fields); null when
   * no account posted it (partners) or the account was erased.
   */
  authorId?: number | null
}

export interface FeedSource {
  /** Unique, short, stable: used in cursors. */
  name: string
  /** The kinds this source can filter on (the feed's kind filter lists them all). */
  kinds: readonly string[]
  /** The categories this source can filter on (the feed's category filter lists them all). */
  categories?: readonly string[]
  /**
   * Translation key prefixes of the filter labels, e.g. `{ kinds:
   * 'exchanges.kinds', categories: 'exchanges.categories' }` gives
   * `exchanges.kinds.loan`. A missing key falls back to the feed's own
   * `feed.kinds.*` / `feed.categories.*` labels, then to the value itself.
   */
  labels?: { kinds?: string; categories?: string }
  /** Newest visible items first, strictly before `page.before`, at most `page.limit`. */
  items(page: FeedPage): Promise<FeedItem[]>
}
