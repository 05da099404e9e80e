/*
| Routes: the site-wide pages here, each module's from its routes.ts.
| Route names are 'module.resource.action'.
*/
import router from '@adonisjs/core/services/router'
import transmit from '@adonisjs/transmit/services/main'
import { middleware } from '#start/kernel'

const HomeController = () => import('#app/controllers/home_controller')
const LocaleController = () => import('#app/controllers/locale_controller')
const HealthController = () => import('#app/controllers/health_controller')
const DevMailsController = () => import('#app/controllers/dev_mails_controller')

router.get('/', [HomeController, 'show']).as('home')
router.post('/locale', [LocaleController, 'update']).as('locale.update')
router.get('/health', [HealthController, 'live']).as('health.live')
router.get('/health/ready', [HealthController, 'ready']).as('health.ready')

router
  .group(() => {
    router.get('/mails', [DevMailsController, 'index']).as('dev.mails.index')
    router.get('/mails/:id', [DevMailsController, 'show']).as('dev.mails.show')
    router.get('/mails/:id/html', [DevMailsController, 'html']).as('dev.mails.html')
  })
  .prefix('/dev')
  .use(middleware.devOnly())

/** Server-Sent Events; channels are declared and authorised in start/transmit.ts. */
transmit.registerRoutes((route) => {
  if (route.getPattern() === '__transmit/subscribe') route.use(middleware.declaredChannel())
})

await import('#modules/accounts/routes')
await import('#modules/neighbourhoods/routes')
await import('#modules/verification/routes')
await import('#modules/feed/routes')
await import('#modules/messaging/routes')
await import('#modules/exchanges/routes')
await import('#modules/alerts/routes')
await import('#modules/group_buys/routes')
await import('#modules/partners/routes')
await import('#modules/organisations/routes')
await import('#modules/events/routes')
await import('#modules/moderation/routes')
await import('#modules/privacy/routes')
await import('#modules/notifications/routes')
await import('#modules/backoffice/routes')
