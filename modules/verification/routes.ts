/*
| Routes of the verification module. Route names: 'verification.*' for
| residents, 'operators.verification.*' for the back office. Each way of
| proving an address has its own file.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const VerifyController = () => import('#modules/verification/controllers/verify_controller')
const VerificationsReviewController = () =>
  import('#modules/verification/controllers/verifications_review_controller')

router.get('/verify', [VerifyController, 'show']).as('verification.show').use(middleware.auth())

router
  .group(() => {
    router
      .get('/residents', [VerificationsReviewController, 'index'])
      .as('operators.verification.residents.index')
    router
      .post('/residents/:id/revoke', [VerificationsReviewController, 'revoke'])
      .where('id', router.matchers.number())
      .as('operators.verification.residents.revoke')
  })
  .prefix('/operators/verification')
  .use(middleware.operator())

await import('#modules/verification/routes/postcards')
await import('#modules/verification/routes/cooptation')
await import('#modules/verification/routes/documents')
