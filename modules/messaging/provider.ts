import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Messaging module: views as `messaging::...`, and the `unreadMessages`
 * view global the layout calls for a signed-in resident's header count.
 */
export default class MessagingProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('messaging', new URL('./views', import.meta.url))
    const personalData = await import('#modules/messaging/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.messagingPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'messaging.unread',
      labelKey: 'notifications.types.messaging',
      emailByDefault: true,
    })
    const { messageReportable } = await import('#modules/messaging/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(messageReportable)
    /**
     * Imported on first use (the database service is not ready while
     * providers boot), then kept: a dynamic import() on every page costs a
     * round trip to the TypeScript loader's thread.
     */
    let headerCount: Promise<typeof import('#modules/messaging/services/header_count')> | null =
      null
    edge.default.global('unreadMessages', async (userId: unknown) => {
      headerCount ??= import('#modules/messaging/services/header_count')
      const { unreadForHeader } = await headerCount
      return unreadForHeader(userId)
    })
  }

  /** The web process schedules the unread-message mails (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleUnreadMails } = await import('#modules/messaging/services/schedule')
    await scheduleUnreadMails()
  }
}
