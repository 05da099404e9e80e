/*
| Routes of the exchanges module. Route names: 'exchanges.*'. Every page
| is for signed-in residents; posting needs a verified address (the 403
| page tells how to get one); each exchange is checked against the
| viewer's scope (404 when out of it).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { exchangePostThrottle, exchangeReplyThrottle } from '#modules/exchanges/limiters'

const ExchangesController = () => import('#modules/exchanges/controllers/exchanges_controller')
const ExchangeStepsController = () =>
  import('#modules/exchanges/controllers/exchange_steps_controller')
const RidesController = () => import('#modules/exchanges/controllers/rides_controller')

router
  .group(() => {
    router
      .get('/exchanges/new', [ExchangesController, 'create'])
      .as('exchanges.create')
      .use(middleware.verified({ ability: 'post' }))
    router
      .post('/exchanges', [ExchangesController, 'store'])
      .as('exchanges.store')
      .use([middleware.verified({ ability: 'post' }), exchangePostThrottle])
    router.get('/exchanges/mine', [ExchangesController, 'mine']).as('exchanges.mine')
    router.get('/rides', [RidesController, 'search']).as('exchanges.rides.search')

    router
      .group(() => {
        router.get('/', [ExchangesController, 'show']).as('show')
        router.post('/', [ExchangesController, 'update']).as('update')
        router.get('/edit', [ExchangesController, 'edit']).as('edit')
        router
          .get('/photos/:photoId', [ExchangesController, 'photo'])
          .where('photoId', router.matchers.number())
          .as('photo')
        router
          .post('/respond', [ExchangeStepsController, 'respond'])
          .as('respond')
          .use(exchangeReplyThrottle)
        router.post('/agree', [ExchangeStepsController, 'agree']).as('agree')
        router.post('/done', [ExchangeStepsController, 'done']).as('done')
        router.post('/returned', [ExchangeStepsController, 'returned']).as('returned')
        router.post('/cancel', [ExchangeStepsController, 'cancel']).as('cancel')
        router.post('/extend', [ExchangeStepsController, 'extend']).as('extend')
        router.post('/book', [RidesController, 'book']).as('book').use(exchangeReplyThrottle)
        router.post('/booking/cancel', [RidesController, 'cancelBooking']).as('booking.cancel')
      })
      .prefix('/exchanges/:id')
      .where('id', router.matchers.number())
      .as('exchanges')
  })
  .use(middleware.auth())
