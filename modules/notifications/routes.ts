/*
| Routes of the notifications module: the centre and preferences (signed
| in), and the one-click unsubscribe links (no session needed).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const NotificationsController = () =>
  import('#modules/notifications/controllers/notifications_controller')
const PreferencesController = () =>
  import('#modules/notifications/controllers/preferences_controller')
const UnsubscribeController = () =>
  import('#modules/notifications/controllers/unsubscribe_controller')

router
  .group(() => {
    router.get('/', [NotificationsController, 'index']).as('notifications.index')
    router.post('/read', [NotificationsController, 'readAll']).as('notifications.read_all')
    router.get('/preferences', [PreferencesController, 'show']).as('notifications.preferences.show')
    router
      .post('/preferences', [PreferencesController, 'update'])
      .as('notifications.preferences.update')
    router
      .post('/:id/open', [NotificationsController, 'open'])
      .where('id', router.matchers.number())
      .as('notifications.open')
  })
  .prefix('/notifications')
  .use(middleware.auth())

router
  .get('/unsubscribe/:token', [UnsubscribeController, 'show'])
  .as('notifications.unsubscribe.show')
router
  .post('/unsubscribe/:token', [UnsubscribeController, 'confirm'])
  .as('notifications.unsubscribe.confirm')
