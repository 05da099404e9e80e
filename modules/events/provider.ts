import type { ApplicationService } from '@adonisjs/core/types'

/** Events module: views as `events::...`; upcoming events join the local feed as `events`. */
export default class EventsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('events', new URL('./views', import.meta.url))
    const personalData = await import('#modules/events/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.eventsPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'events.updates',
      labelKey: 'notifications.types.events',
      emailByDefault: true,
    })
    const { registerFeedSource } = await import('#modules/feed/index')
    const { eventsFeedSource } = await import('#modules/events/services/feed_source')
    registerFeedSource(eventsFeedSource)
    const { eventReportable } = await import('#modules/events/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(eventReportable)
  }
}
