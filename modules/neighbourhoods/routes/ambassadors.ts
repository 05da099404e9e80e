/*
| Super voisin routes: the resident's dashboard (apply, then invitation
| figures and kit orders) and the operators' back office (applications,
| kit orders).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () =>
  import('#modules/neighbourhoods/controllers/ambassador_dashboard_controller')
const KitsController = () =>
  import('#modules/neighbourhoods/controllers/ambassador_kits_controller')
const ApplicationsReviewController = () =>
  import('#modules/neighbourhoods/controllers/ambassador_applications_review_controller')
const KitOrdersReviewController = () =>
  import('#modules/neighbourhoods/controllers/ambassador_kit_orders_review_controller')

router
  .group(() => {
    router.get('/', [DashboardController, 'show']).as('neighbourhoods.ambassadors.show')
    router.post('/apply', [DashboardController, 'apply']).as('neighbourhoods.ambassadors.apply')
    router.get('/kits/new', [KitsController, 'create']).as('neighbourhoods.ambassadors.kits.create')
    router.post('/kits', [KitsController, 'store']).as('neighbourhoods.ambassadors.kits.store')
    router
      .get('/kits/:id', [KitsController, 'show'])
      .where('id', router.matchers.number())
      .as('neighbourhoods.ambassadors.kits.show')
    router
      .post('/kits/:id/cancel', [KitsController, 'cancel'])
      .where('id', router.matchers.number())
      .as('neighbourhoods.ambassadors.kits.cancel')
  })
  .prefix('/super-voisin')
  .use(middleware.auth())

router
  .group(() => {
    router
      .get('/super-voisins', [ApplicationsReviewController, 'index'])
      .as('operators.ambassadors.applications.index')
    router
      .post('/super-voisins/:id/:decision', [ApplicationsReviewController, 'decide'])
      .where('id', router.matchers.number())
      .where('decision', /^(approve|reject)$/)
      .as('operators.ambassadors.applications.decide')
    router.get('/kits', [KitOrdersReviewController, 'index']).as('operators.ambassadors.kits.index')
    router
      .post('/kits/:id/:move', [KitOrdersReviewController, 'move'])
      .where('id', router.matchers.number())
      .where('move', /^(approve|ship|cancel)$/)
      .as('operators.ambassadors.kits.move')
  })
  .prefix('/operators')
  .use(middleware.operator())
