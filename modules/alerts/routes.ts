/*
| Routes of the alerts module. Route names: 'alerts.*' for residents,
| 'operators.alerts.*' for the back office.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import {
  phoneCodeThrottle,
  phoneVerifyThrottle,
  pushThrottle,
  raiseThrottle,
} from '#modules/alerts/limiters'
import '#modules/alerts/channels'

const AlertsController = () => import('#modules/alerts/controllers/alerts_controller')
const PreferencesController = () => import('#modules/alerts/controllers/preferences_controller')
const PhoneController = () => import('#modules/alerts/controllers/phone_controller')
const PushSubscriptionsController = () =>
  import('#modules/alerts/controllers/push_subscriptions_controller')
const TwilioReceiptsController = () =>
  import('#modules/alerts/controllers/twilio_receipts_controller')
const DeadLettersController = () => import('#modules/alerts/controllers/dead_letters_controller')

router
  .group(() => {
    router.get('/alerts', [AlertsController, 'index']).as('alerts.index')
    router.get('/alerts/new', [AlertsController, 'create']).as('alerts.create')
    router.post('/alerts', [AlertsController, 'store']).as('alerts.store').use(raiseThrottle)
    router.get('/alerts/live', [AlertsController, 'live']).as('alerts.live')
    router.get('/alerts/preferences', [PreferencesController, 'show']).as('alerts.preferences.show')
    router
      .post('/alerts/preferences', [PreferencesController, 'update'])
      .as('alerts.preferences.update')
    router
      .post('/alerts/phone', [PhoneController, 'store'])
      .as('alerts.phone.store')
      .use(phoneCodeThrottle)
    router
      .post('/alerts/phone/verify', [PhoneController, 'verify'])
      .as('alerts.phone.verify')
      .use(phoneVerifyThrottle)
    router.post('/alerts/phone/remove', [PhoneController, 'destroy']).as('alerts.phone.destroy')
    router
      .post('/alerts/push/subscriptions', [PushSubscriptionsController, 'store'])
      .as('alerts.push.store')
      .use(pushThrottle)
    router
      .post('/alerts/push/unsubscribe', [PushSubscriptionsController, 'destroy'])
      .as('alerts.push.destroy')
    router
      .post('/alerts/push/devices/:id/remove', [PushSubscriptionsController, 'removeDevice'])
      .where('id', router.matchers.number())
      .as('alerts.push.devices.destroy')
    router
      .get('/alerts/:id', [AlertsController, 'show'])
      .where('id', router.matchers.number())
      .as('alerts.show')
    router
      .post('/alerts/:id/retract', [AlertsController, 'retract'])
      .where('id', router.matchers.number())
      .as('alerts.retract')
  })
  .use(middleware.auth())

/** Twilio's delivery receipts: no session and no CSRF token, a signature instead (config/shield.ts). */
router
  .post('/alerts/receipts/twilio', [TwilioReceiptsController, 'store'])
  .as('alerts.receipts.twilio')

router
  .group(() => {
    router
      .get('/dead-letters', [DeadLettersController, 'index'])
      .as('operators.alerts.dead_letters.index')
    router
      .post('/dead-letters/replay', [DeadLettersController, 'replay'])
      .as('operators.alerts.dead_letters.replay')
  })
  .prefix('/operators/alerts')
  .use(middleware.operator())
