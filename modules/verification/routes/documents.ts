/*
| Proof-of-address documents: the resident uploads one; operators and the
| neighbourhood's moderators review it.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DocumentReviewsController = () =>
  import('#modules/verification/controllers/document_reviews_controller')

router
  .group(() => {
    router
      .get('/documents', [DocumentReviewsController, 'index'])
      .as('operators.verification.documents.index')
  })
  .prefix('/operators/verification')
  .use(middleware.operator())
