/*
| Routes of the partners module. Route names: 'partners.*' for residents,
| 'operators.partners.*' for the back office.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { followThrottle } from '#modules/partners/limiters'

const PartnerRedirectController = () =>
  import('#modules/partners/controllers/partner_redirect_controller')
const PartnersAdminController = () =>
  import('#modules/partners/controllers/partners_admin_controller')

router
  .get('/partners/go/:offerRef', [PartnerRedirectController, 'go'])
  .where('offerRef', router.matchers.number())
  .as('partners.go')
  .use([middleware.auth(), followThrottle])

router
  .group(() => {
    router.get('/', [PartnersAdminController, 'index']).as('operators.partners.index')
    router.post('/switches', [PartnersAdminController, 'switch']).as('operators.partners.switch')
  })
  .prefix('/operators/partners')
  .use(middleware.operator())
