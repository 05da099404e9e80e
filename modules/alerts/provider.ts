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
  }

  /** The web process schedules the sweep (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleAlertsSweep } = await import('#modules/alerts/services/schedule')
    await scheduleAlertsSweep()
  }
}
