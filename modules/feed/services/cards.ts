import type { FeedItem } from '#modules/feed/services/feed_source'
import { relativeDateLabel } from '#modules/feed/services/relative_date'

/** What the card component shows: plain strings, escaped by the template. */
export interface FeedCard {
  key: string
  source: string
  kind: string
  /** The kind as the filter names it ("Prêt"), shown first among the badges. */
  kindLabel: string | null
  title: string
  summary: string
  url: string
  imageUrl: string | null
  author: { name: string; street: string | null } | null
  /** Only when the item belongs to another neighbourhood than the viewer's. */
  neighbourhoodName: string | null
  badges: FeedItem['badges']
  publishedAt: string
  when: string
}

/**
 * A link a source gave: a path of this site or an http(s) address, never
 * a `javascript:` or `data:` URL (escaping alone would not stop those).
 */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null
  if (value.startsWith('/') && !value.startsWith('//')) return value
  return /^https?:\/\//i.test(value) ? value : null
}

export function toCard(
  item: FeedItem,
  context: {
    ownNeighbourhoodId: number | null
    ownNeighbourhoodName: string | null
    kindLabels: Map<string, string>
    now: Date
    locale: string
    justNow: string
  }
): FeedCard {
  const elsewhere =
    item.neighbourhoodId !== undefined && item.neighbourhoodId !== null
      ? Number(item.neighbourhoodId) !== context.ownNeighbourhoodId
      : item.neighbourhoodName !== context.ownNeighbourhoodName
  return {
    key: `${item.source}-${item.id}`,
    source: item.source,
    kind: item.kind,
    kindLabel: context.kindLabels.get(item.kind) ?? null,
    title: item.title,
    summary: item.summary,
    url: safeUrl(item.url) ?? '#',
    imageUrl: safeUrl(item.imageUrl),
    author: item.author,
    neighbourhoodName: elsewhere ? item.neighbourhoodName : null,
    badges: item.badges,
    publishedAt: item.publishedAt.toISOString(),
    when: relativeDateLabel(item.publishedAt, context.now, context.locale, context.justNow),
  }
}
