/*
| Co-optation: two verified neighbours vouch for a resident. The candidate
| hands out their link (/verify/vouch/:token) or asks named neighbours;
| vouchers vouch, withdraw a vouch that does not count yet, or decline.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { vouchRequestThrottle } from '#modules/verification/services/cooptation/limiters'
import { TOKEN_PATTERN } from '#modules/verification/services/cooptation/vouch_links'

const VouchesController = () => import('#modules/verification/controllers/vouches_controller')
const VouchRequestsController = () =>
  import('#modules/verification/controllers/vouch_requests_controller')

router
  .group(() => {
    router
      .get('/vouch/:token', [VouchesController, 'show'])
      .where('token', TOKEN_PATTERN)
      .as('verification.cooptation.vouch.show')
    router
      .post('/vouch/:token', [VouchesController, 'store'])
      .where('token', TOKEN_PATTERN)
      .as('verification.cooptation.vouch.store')
    router
      .post('/vouches/:id/withdraw', [VouchesController, 'withdraw'])
      .where('id', router.matchers.number())
      .as('verification.cooptation.vouches.withdraw')
    router
      .post('/vouch-requests', [VouchRequestsController, 'store'])
      .as('verification.cooptation.requests.store')
      .use(vouchRequestThrottle)
    router
      .post('/vouch-requests/:id/decline', [VouchRequestsController, 'decline'])
      .where('id', router.matchers.number())
      .as('verification.cooptation.requests.decline')
  })
  .prefix('/verify')
  .use(middleware.auth())
