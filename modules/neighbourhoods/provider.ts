import type { ApplicationService } from '@adonisjs/core/types'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { Geocoder, NoGeocoder } from '#modules/neighbourhoods/geocoding/geocoder'
import { registerSmsSender } from '#app/sms/index'

/**
 * Neighbourhoods module: views as `neighbourhoods::...`, the geocoder and
 * SMS sender bindings (swap them in tests with `app.container.swap(...)`).
 */
export default class NeighbourhoodsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    registerSmsSender(this.app)
    this.app.container.singleton(Geocoder, async () => {
      if (neighbourhoodsConfig.geocoder.driver === 'none') return new NoGeocoder()
      const { BanGeocoder } = await import('#modules/neighbourhoods/geocoding/ban_geocoder')
      return new BanGeocoder(
        neighbourhoodsConfig.geocoder.url,
        neighbourhoodsConfig.geocoder.timeoutMs
      )
    })
  }

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('neighbourhoods', new URL('./views', import.meta.url))
    const personalData = await import('#modules/neighbourhoods/services/personal_data')
    const privacy = await import('#modules/privacy/index')
    privacy.registerPersonalData(personalData.neighbourhoodsPersonalData)
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'ambassadors.updates',
      labelKey: 'notifications.types.ambassadors',
      emailByDefault: true,
    })
    registerNotificationType({
      type: 'neighbourhoods.moderator',
      labelKey: 'moderators.notification.label',
      emailByDefault: true,
    })
  }
}
