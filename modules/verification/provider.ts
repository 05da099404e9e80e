import type { ApplicationService } from '@adonisjs/core/types'

/** Verification module: views as `verification::...`. */
export default class VerificationProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('verification', new URL('./views', import.meta.url))
  }
}
