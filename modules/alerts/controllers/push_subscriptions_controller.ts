import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SubscribePush from '#modules/alerts/actions/subscribe_push'
import UnsubscribePush from '#modules/alerts/actions/unsubscribe_push'
import { PushEndpointRefusedError } from '#modules/alerts/services/errors'
import { viewerId } from '#modules/alerts/services/pages'
import { PushSender } from '#modules/alerts/services/push/push_sender'
import {
  pushEndpointValidator,
  pushSubscriptionValidator,
} from '#modules/alerts/validators/alert_validators'
import { idParam } from '#app/http/route_id'

/**
 * This device's web push subscription, posted as JSON by
 * resources/js/alerts/push.js (with the page's CSRF token), and the
 * device list's remove buttons (plain forms).
 */
@inject()
export default class PushSubscriptionsController {
  constructor(
    private subscribe: SubscribePush,
    private unsubscribe: UnsubscribePush
  ) {}

  async store(ctx: HttpContext) {
    const sender = await ctx.containerResolver.make(PushSender)
    if (!sender.enabled) {
      return ctx.response.status(409).send({ message: ctx.i18n.t('alerts.errors.push_disabled') })
    }
    const data = await ctx.request.validateUsing(pushSubscriptionValidator)
    try {
      const id = await this.subscribe.execute(viewerId(ctx), {
        endpoint: data.endpoint,
        p256dh: data.keys.p256dh,
        auth: data.keys.auth,
        userAgent: ctx.request.header('user-agent') ?? null,
      })
      return ctx.response.status(201).send({ id })
    } catch (error) {
      if (error instanceof PushEndpointRefusedError) {
        return ctx.response.status(422).send({
          message: ctx.i18n.t('alerts.errors.push_endpoint'),
          errors: [{ field: 'endpoint', message: ctx.i18n.t('alerts.errors.push_endpoint') }],
        })
      }
      throw error
    }
  }

  async destroy(ctx: HttpContext) {
    const { endpoint } = await ctx.request.validateUsing(pushEndpointValidator)
    await this.unsubscribe.execute(viewerId(ctx), { endpoint })
    return ctx.response.noContent()
  }

  async removeDevice(ctx: HttpContext) {
    const removed = await this.unsubscribe.execute(viewerId(ctx), { id: idParam(ctx) })
    ctx.session.flash(
      removed ? 'success' : 'notice',
      removed ? 'alerts.flash.device_removed' : 'alerts.flash.device_unknown'
    )
    return ctx.response.redirect().toRoute('alerts.preferences.show')
  }
}
