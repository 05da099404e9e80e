import type { ApplicationService } from '@adonisjs/core/types'
import { registerSmsSender } from '#app/sms/index'
import { registerPushSender } from '#modules/alerts/services/push/index'
import { registerAlertQueue } from '#modules/alerts/services/queue'

/**
 * Alerts module: views as `alerts::...`; the SMS sender (shared with
 * invitations), the web push sender and the fan-out's queue are bound
 * lazily (tests swap them); the web process schedules the minute sweep.
 */
export default class AlertsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    registerSmsSender(this.app)
    registerPushSender(this.app)
    registerAlertQueue(this.app)
  }

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('alerts', new URL('./views', import.meta.url))
    const personalData = await import('#modules/alerts/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.alertsPersonalData)
    /** Alert e-mails carry a one-click unsubscribe; the choice stays in "My alerts". */
    const { ALERT_EMAIL_TYPE, stopAlertEmails } =
      await import('#modules/alerts/services/email_unsubscribe')
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: ALERT_EMAIL_TYPE,
      labelKey: 'notifications.types.alerts_email',
      emailByDefault: true,
      preferencesRoute: 'alerts.preferences.show',
      stopEmail: stopAlertEmails,
    })
    const { alertReportable } = await import('#modules/alerts/services/reportable')
    const { registerReportable } = await import('#modules/moderation/index')
    registerReportable(alertReportable)
  }

  /** The web process schedules the sweep (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleAlertsSweep } = await import('#modules/alerts/services/schedule')
    await scheduleAlertsSweep()
  }
}
