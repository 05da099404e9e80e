import type { FeedViewer } from '#modules/feed/services/feed_source'

/**
 * The scope rule every source applies in SQL, so that all agree with the
 * neighbourhoods module's maySee(): everything of the viewer's own
 * neighbourhood; `nearby` and `town` items of nearby neighbourhoods;
 * `town` items of the viewer's town. Columns are the item table's
 * neighbourhood id, town id and scope. A viewer without a neighbourhood
 * sees nothing.
 */
export function visibilityClause(
  viewer: FeedViewer,
  columns: { neighbourhoodId: string; townId: string; scope: string }
): { sql: string; bindings: (number | string)[] } {
  if (viewer.neighbourhoodId === null) return { sql: 'false', bindings: [] }
  const parts = [`${columns.neighbourhoodId} = ?`]
  const bindings: (number | string)[] = [viewer.neighbourhoodId]
  if (viewer.nearbyIds.length > 0) {
    parts.push(
      `(${columns.scope} IN ('nearby', 'town') AND ${columns.neighbourhoodId} IN (${viewer.nearbyIds
        .map(() => '?')
        .join(', ')}))`
    )
    bindings.push(...viewer.nearbyIds)
  }
  if (viewer.townId !== null) {
    parts.push(`(${columns.scope} = 'town' AND ${columns.townId} = ?)`)
    bindings.push(viewer.townId)
  }
  return { sql: `(${parts.join(' OR ')})`, bindings }
}
