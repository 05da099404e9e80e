import type { ApplicationService } from '@adonisjs/core/types'

/** Verification module: views as `verification::...`. */
export default class VerificationProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('verification', new URL('./views', import.meta.url))
  }

  /** The web process schedules the hourly purge of stale documents (never tests or ace). */
  async ready() {
    if (this.app.getEnvironment() !== 'web' || this.app.inTest) return
    const { scheduleDocumentPurge } =
      await import('#modules/verification/services/documents/schedule')
    await scheduleDocumentPurge()
  }
}
