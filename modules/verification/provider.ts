import type { ApplicationService } from '@adonisjs/core/types'

/** Verification module: views as `verification::...`. */
export default class VerificationProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('verification', new URL('./views', import.meta.url))
    const personalData = await import('#modules/verification/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.verificationPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'verification.updates',
      labelKey: 'notifications.types.verification',
      emailByDefault: true,
    })
  }

  /** The web process schedules the hourly purge of stale documents (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleDocumentPurge } =
      await import('#modules/verification/services/documents/schedule')
    await scheduleDocumentPurge()
  }
}
