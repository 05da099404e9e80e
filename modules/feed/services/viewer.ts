import { residentHome, visibleNeighbourhoodIds } from '#modules/neighbourhoods/index'
import { trustLevelOf } from '#modules/verification/index'
import type { FeedViewer } from '#modules/feed/services/feed_source'

/** Resolves once per request what every source needs to know about the viewer. */
export async function feedViewerFor(userId: number, locale: string): Promise<FeedViewer> {
  const home = await residentHome(userId)
  const neighbourhoodId = home?.neighbourhoodId ?? null
  const nearby = neighbourhoodId ? await visibleNeighbourhoodIds(userId, 'nearby') : []
  return {
    userId,
    locale,
    trust: trustLevelOf(home),
    neighbourhoodId,
    townId: home?.townId ?? null,
    nearbyIds: nearby.filter((id) => id !== neighbourhoodId),
  }
}
