/*
| Postcard verification: the resident asks for a card and types its code;
| operators make print batches and mark them posted.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import {
  postcardCodeThrottle,
  postcardRequestThrottle,
} from '#modules/verification/services/postcards/limiters'

const PostcardsController = () => import('#modules/verification/controllers/postcards_controller')
const PostcardBatchesController = () =>
  import('#modules/verification/controllers/postcard_batches_controller')

router
  .post('/verify/postcard', [PostcardsController, 'store'])
  .as('verification.postcard.store')
  .use([middleware.auth(), postcardRequestThrottle])
router
  .post('/verify/postcard/code', [PostcardsController, 'verify'])
  .as('verification.postcard.verify')
  .use([middleware.auth(), postcardCodeThrottle])

router
  .group(() => {
    router
      .get('/postcards', [PostcardBatchesController, 'index'])
      .as('operators.verification.postcards.index')
    router
      .post('/postcards/batches', [PostcardBatchesController, 'store'])
      .as('operators.verification.postcards.batches.store')
    router
      .get('/postcards/batches/:id/print', [PostcardBatchesController, 'print'])
      .where('id', router.matchers.number())
      .as('operators.verification.postcards.print')
    router
      .get('/postcards/batches/:id/csv', [PostcardBatchesController, 'csv'])
      .where('id', router.matchers.number())
      .as('operators.verification.postcards.csv')
    router
      .post('/postcards/batches/:id/posted', [PostcardBatchesController, 'posted'])
      .where('id', router.matchers.number())
      .as('operators.verification.postcards.posted')
  })
  .prefix('/operators/verification')
  .use(middleware.operator())
