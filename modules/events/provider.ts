import type { ApplicationService } from '@adonisjs/core/types'

/** Events module: views as `events::...`; upcoming events join the local feed as `events`. */
export default class EventsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('events', new URL('./views', import.meta.url))
    const { registerFeedSource } = await import('#modules/feed/index')
    const { eventsFeedSource } = await import('#modules/events/services/feed_source')
    registerFeedSource(eventsFeedSource)
  }
}
