import type { ApplicationService } from '@adonisjs/core/types'

/** Messaging module: views as `messaging::...`. */
export default class MessagingProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('messaging', new URL('./views', import.meta.url))
  }
}
