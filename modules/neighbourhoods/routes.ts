/*
| Routes of the neighbourhoods module. Route names: 'neighbourhoods.*'.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HomeController = () => import('#modules/neighbourhoods/controllers/home_controller')
const PlacementController = () => import('#modules/neighbourhoods/controllers/placement_controller')
const NeighbourhoodsController = () =>
  import('#modules/neighbourhoods/controllers/neighbourhoods_controller')
const BoundaryController = () => import('#modules/neighbourhoods/controllers/boundary_controller')

router
  .group(() => {
    router.get('/home', [HomeController, 'show']).as('neighbourhoods.home')
    router.get('/home/place', [PlacementController, 'show']).as('neighbourhoods.placement.show')
    router.post('/home/place', [PlacementController, 'store']).as('neighbourhoods.placement.store')
    router
      .get('/neighbourhoods/new', [NeighbourhoodsController, 'create'])
      .as('neighbourhoods.create')
    router.post('/neighbourhoods', [NeighbourhoodsController, 'store']).as('neighbourhoods.store')
    router
      .get('/neighbourhoods/:slug/boundary', [BoundaryController, 'edit'])
      .as('neighbourhoods.boundary.edit')
    router
      .post('/neighbourhoods/:slug/boundary', [BoundaryController, 'propose'])
      .as('neighbourhoods.boundary.propose')
    router
      .post('/neighbourhoods/:slug/revisions/:id/:decision', [BoundaryController, 'review'])
      .where('id', router.matchers.number())
      .where('decision', /^(accept|reject|revert)$/)
      .as('neighbourhoods.boundary.review')
  })
  .use(middleware.auth())

/** Public: the neighbourhood page shows no private content. */
router.get('/neighbourhoods/:slug', [NeighbourhoodsController, 'show']).as('neighbourhoods.show')

await import('#modules/neighbourhoods/routes/invitations')
await import('#modules/neighbourhoods/routes/ambassadors')
await import('#modules/neighbourhoods/routes/moderators')
