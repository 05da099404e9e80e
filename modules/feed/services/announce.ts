import transmit from '@adonisjs/transmit/services/main'
import logger from '@adonisjs/core/services/logger'
import { audienceNeighbourhoodIds, type Scope } from '#modules/neighbourhoods/index'

/**
 * Tells the open feed pages that can see a new item that it exists (the
 * "N new posts" banner): one event per neighbourhood channel, carrying no
 * content, so nothing leaks to a channel that may not see the item. Call
 * after the commit; a failure is logged, never an error for the author.
 */
export async function announceFeedItem(item: {
  source: string
  neighbourhoodId: number
  scope: Scope
}): Promise<void> {
  try {
    for (const id of await audienceNeighbourhoodIds(item)) {
      transmit.broadcast(`neighbourhoods/${id}/feed`, { kind: 'feed.new', source: item.source })
    }
  } catch (error) {
    logger.error({ err: error, source: item.source }, 'feed announcement failed')
  }
}
