/*
| Postcard verification: the resident asks for a card and types its code;
| operators make print batches and mark them posted.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PostcardBatchesController = () =>
  import('#modules/verification/controllers/postcard_batches_controller')

router
  .group(() => {
    router
      .get('/postcards', [PostcardBatchesController, 'index'])
      .as('operators.verification.postcards.index')
  })
  .prefix('/operators/verification')
  .use(middleware.operator())
