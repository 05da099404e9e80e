import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Notifications module: views as `notifications::...`, the
 * `unreadNotifications` view global for the header badge, the resident's
 * rows in the privacy export and erasure, and the digest schedule.
 */
export default class NotificationsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('notifications', new URL('./views', import.meta.url))
    /** Imported on first use (the database service is not ready while providers boot), then kept. */
    let queries: Promise<typeof import('#modules/notifications/queries/centre_page')> | null = null
    edge.default.global('unreadNotifications', async (userId: unknown) => {
      const id = Number(userId)
      if (!Number.isSafeInteger(id) || id <= 0) return 0
      queries ??= import('#modules/notifications/queries/centre_page')
      try {
        const { unreadCount } = await queries
        return await unreadCount(id)
      } catch {
        /** A header badge never breaks a page. */
        return 0
      }
    })
    const { notificationsPersonalData } =
      await import('#modules/notifications/services/personal_data')
    const { registerPersonalData } = await import('#modules/privacy/index')
    registerPersonalData(notificationsPersonalData)
  }

  /** The web process schedules the e-mail digests (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleDigests } = await import('#modules/notifications/services/schedule')
    await scheduleDigests()
  }
}
