import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Moderation module: views as `moderation::...`; moderation decisions are
 * a mandatory notification; what a resident reported or appealed, and
 * what was decided about them, joins their data export.
 */
export default class ModerationProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const edge = await import('edge.js')
    edge.default.mount('moderation', new URL('./views', import.meta.url))
    const { registerNotificationType } = await import('#modules/notifications/index')
    registerNotificationType({
      type: 'moderation.action',
      labelKey: 'moderation.notification.label',
      emailByDefault: true,
    })
    const { registerPersonalData } = await import('#modules/privacy/index')
    const { moderationPersonalData } = await import('#modules/moderation/services/personal_data')
    registerPersonalData(moderationPersonalData)
  }
}
