import type { ApplicationService } from '@adonisjs/core/types'

/** Backoffice module: views as `backoffice::...`. */
export default class BackofficeProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('backoffice', new URL('./views', import.meta.url))
  }
}
