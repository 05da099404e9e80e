import type { ApplicationService } from '@adonisjs/core/types'

/** Exchanges module: views as `exchanges::...`. */
export default class ExchangesProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('exchanges', new URL('./views', import.meta.url))
  }
}
