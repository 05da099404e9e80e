import type { FeedViewer } from '#modules/feed/services/feed_source'

interface ScopeColumns {
  neighbourhoodId: string
  townId: string
  scope: string
}

interface Fragment {
  sql: string
  bindings: (number | string | number[])[]
}

/** Unverified residents read their own neighbourhood only (DESIGN.md, trust levels). */
function readsBeyondOwn(viewer: FeedViewer): boolean {
  return viewer.trust === 'verified'
}

/**
 * The scope rule every source applies in SQL, so that all agree with the
 * neighbourhoods module's maySee(): everything of the viewer's own
 * neighbourhood; `nearby` and `town` items of nearby neighbourhoods;
 * `town` items of the viewer's town. Columns are the item table's
 * neighbourhood id, town id and scope. A viewer without a neighbourhood
 * sees nothing; an unverified one only their own neighbourhood.
 */
export function visibilityClause(
  viewer: FeedViewer,
  columns: ScopeColumns
): { sql: string; bindings: (number | string)[] } {
  if (viewer.neighbourhoodId === null) return { sql: 'false', bindings: [] }
  const parts = [`${columns.neighbourhoodId} = ?`]
  const bindings: (number | string)[] = [viewer.neighbourhoodId]
  if (!readsBeyondOwn(viewer)) return { sql: `(${parts[0]})`, bindings }
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

/**
 * The same rule cut into disjoint branches, for a newest-first page:
 * the viewer's neighbourhood; each nearby neighbourhood on its own; the
 * rest of the town. A source reads each branch from an index ordered by
 * date with its own `ORDER BY ... LIMIT n`, joins them with UNION ALL
 * and orders the whole with the same LIMIT: PostgreSQL then merges the
 * branches (Merge Append) and stops each index scan as soon as the page
 * is full, instead of reading n rows per neighbourhood and sorting them.
 * The branches never overlap, so UNION ALL returns each item once.
 */
export function visibilityBranches(viewer: FeedViewer, columns: ScopeColumns): Fragment[] {
  if (viewer.neighbourhoodId === null) return []
  const own = viewer.neighbourhoodId
  const branches: Fragment[] = [{ sql: `${columns.neighbourhoodId} = ?`, bindings: [own] }]
  if (!readsBeyondOwn(viewer)) return branches
  const nearby = viewer.nearbyIds.filter((id) => id !== own)
  for (const id of nearby) {
    branches.push({
      sql: `${columns.neighbourhoodId} = ? AND ${columns.scope} IN ('nearby', 'town')`,
      bindings: [id],
    })
  }
  if (viewer.townId !== null) {
    branches.push({
      sql: `${columns.townId} = ? AND ${columns.scope} = 'town'
            AND ${columns.neighbourhoodId} <> ALL (?::bigint[])`,
      bindings: [viewer.townId, [own, ...nearby]],
    })
  }
  return branches
}
