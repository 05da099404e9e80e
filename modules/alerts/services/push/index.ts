import type { ApplicationService } from '@adonisjs/core/types'
import { DisabledPushSender, PushSender } from '#modules/alerts/services/push/push_sender'

/**
 * Binds PushSender to web push with the site's VAPID keys, or to the
 * disabled sender when there are none, once and lazily. Tests replace it
 * with `app.container.swap(PushSender, () => new WebPushSender(testKeys))`.
 */
export function registerPushSender(app: ApplicationService) {
  if (app.container.hasBinding(PushSender)) return
  app.container.singleton(PushSender, async () => {
    const { default: alertsConfig } = await import('#config/alerts')
    if (!alertsConfig.push.enabled) return new DisabledPushSender()
    const { WebPushSender } = await import('#modules/alerts/services/push/web_push_sender')
    return new WebPushSender({
      ...alertsConfig.push.vapid,
      timeoutMs: alertsConfig.push.timeoutMs,
    })
  })
}
