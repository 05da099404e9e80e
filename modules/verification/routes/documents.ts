/*
| Proof-of-address documents: the resident uploads one; operators and the
| neighbourhood's moderators review it.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documentUploadThrottle } from '#modules/verification/services/documents/limiters'

const DocumentsController = () => import('#modules/verification/controllers/documents_controller')
const DocumentReviewsController = () =>
  import('#modules/verification/controllers/document_reviews_controller')

router
  .group(() => {
    router
      .post('/verify/document', [DocumentsController, 'store'])
      .as('verification.documents.store')
      .use(documentUploadThrottle)
    router
      .post('/verify/document/withdraw', [DocumentsController, 'withdraw'])
      .as('verification.documents.withdraw')

    /** Reviewers: a neighbourhood's moderators (their neighbourhoods) and operators (all). */
    router
      .get('/verify/reviews', [DocumentReviewsController, 'moderatorIndex'])
      .as('verification.documents.reviews.index')
    router
      .group(() => {
        router.get('/', [DocumentReviewsController, 'show']).as('show')
        router.get('/file', [DocumentReviewsController, 'file']).as('file')
        router.post('/approve', [DocumentReviewsController, 'approve']).as('approve')
        router.post('/reject', [DocumentReviewsController, 'reject']).as('reject')
      })
      .prefix('/verify/reviews/:id')
      .where('id', router.matchers.number())
      .as('verification.documents.reviews')
  })
  .use(middleware.auth())

router
  .group(() => {
    router
      .get('/documents', [DocumentReviewsController, 'index'])
      .as('operators.verification.documents.index')
  })
  .prefix('/operators/verification')
  .use(middleware.operator())
