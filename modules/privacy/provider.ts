import type { ApplicationService } from '@adonisjs/core/types'

/** Privacy module: views as `privacy::...`. */
export default class PrivacyProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('privacy', new URL('./views', import.meta.url))
  }
}
