import type { ApplicationService } from '@adonisjs/core/types'

/** Feed module: views as `feed::...`. */
export default class FeedProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('feed', new URL('./views', import.meta.url))
  }
}
