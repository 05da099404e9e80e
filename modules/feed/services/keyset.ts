import type { FeedCursor } from '#modules/feed/services/feed_source'

/**
 * The keyset rule every source applies in SQL: "strictly after the cursor
 * in the feed's order" (publishedAt desc, source asc, id desc) for the
 * items of one source. Written as ranges on the columns (no function
 * around them) so an index on (published_at desc, id desc) serves it.
 * The cursor has millisecond precision: keep the column at
 * `timestamptz(3)` so the source's ORDER BY agrees with the feed's on
 * items of the same millisecond. No cursor (first page): no condition.
 */
export function olderThanClause(
  before: FeedCursor | null,
  source: string,
  columns: { publishedAt: string; id: string }
): { sql: string; bindings: (Date | number)[] } {
  if (!before) return { sql: 'true', bindings: [] }
  const start = before.publishedAt
  const end = new Date(start.getTime() + 1)
  /** A source sorting before the cursor's: its items of that millisecond are already shown. */
  if (source < before.source) return { sql: `${columns.publishedAt} < ?`, bindings: [start] }
  /** A source sorting after: all of its items of that millisecond come after the cursor. */
  if (source > before.source) return { sql: `${columns.publishedAt} < ?`, bindings: [end] }
  return {
    sql: `(${columns.publishedAt} < ? OR (${columns.publishedAt} < ? AND ${columns.id} < ?))`,
    bindings: [start, end, before.id],
  }
}
