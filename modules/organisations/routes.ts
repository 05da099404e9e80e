/*
| Routes of the organisations module. Route names: 'organisations.*' for
| members and residents, 'operators.organisations.*' for the back office.
| Every page needs a signed-in account. Management pages answer 404 to
| anyone not a member of that organisation (403 to an editor on an
| owner's step); public pages answer 404 outside the organisation's town.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const OrganisationsController = () =>
  import('#modules/organisations/controllers/organisations_controller')
const MembersController = () => import('#modules/organisations/controllers/members_controller')
const VerificationController = () =>
  import('#modules/organisations/controllers/verification_controller')
const OffersController = () => import('#modules/organisations/controllers/offers_controller')
const NoticesController = () => import('#modules/organisations/controllers/notices_controller')
const OrganisationEventsController = () =>
  import('#modules/organisations/controllers/organisation_events_controller')
const OperatorController = () =>
  import('#modules/organisations/controllers/operator_organisations_controller')

router
  .group(() => {
    router.get('/organisations', [OrganisationsController, 'index']).as('organisations.index')
    router.get('/organisations/new', [OrganisationsController, 'create']).as('organisations.create')
    router.post('/organisations', [OrganisationsController, 'store']).as('organisations.store')

    router
      .group(() => {
        router.get('/', [OrganisationsController, 'show']).as('show')
        router.post('/', [OrganisationsController, 'update']).as('update')
        router.get('/manage', [OrganisationsController, 'manage']).as('manage')
        router.get('/edit', [OrganisationsController, 'edit']).as('edit')
        router.post('/recommend', [OrganisationsController, 'recommend']).as('recommend')
        router.post('/photos', [OrganisationsController, 'addPhotos']).as('photos.store')
        router
          .get('/photos/:photoId', [OrganisationsController, 'photo'])
          .where('photoId', router.matchers.number())
          .as('photos.show')
        router
          .post('/photos/:photoId/delete', [OrganisationsController, 'removePhoto'])
          .where('photoId', router.matchers.number())
          .as('photos.destroy')

        router.get('/members', [MembersController, 'index']).as('members.index')
        router.post('/members', [MembersController, 'store']).as('members.store')
        router
          .post('/members/:userId/remove', [MembersController, 'destroy'])
          .where('userId', router.matchers.number())
          .as('members.destroy')
        router
          .post('/members/:userId/role', [MembersController, 'role'])
          .where('userId', router.matchers.number())
          .as('members.role')
        router.post('/leave', [MembersController, 'leave']).as('leave')

        router
          .post('/verification/review', [VerificationController, 'review'])
          .as('verification.review')
        router
          .post('/verification/postcard', [VerificationController, 'postcard'])
          .as('verification.postcard')
        router.post('/verification/code', [VerificationController, 'code']).as('verification.code')

        router.get('/offers/new', [OffersController, 'create']).as('offers.create')
        router.post('/offers', [OffersController, 'store']).as('offers.store')
        router
          .get('/offers/:offerId/photo', [OffersController, 'photo'])
          .where('offerId', router.matchers.number())
          .as('offers.photo')

        router.get('/events/new', [OrganisationEventsController, 'create']).as('events.create')
        router.post('/events', [OrganisationEventsController, 'store']).as('events.store')

        router.get('/notices/new', [NoticesController, 'create']).as('notices.create')
        router.post('/notices', [NoticesController, 'store']).as('notices.store')
        router
          .get('/notices/:noticeId', [NoticesController, 'show'])
          .where('noticeId', router.matchers.number())
          .as('notices.show')
        router
          .post('/notices/:noticeId/replies', [NoticesController, 'reply'])
          .where('noticeId', router.matchers.number())
          .as('notices.reply')
      })
      .prefix('/organisations/:id')
      .where('id', router.matchers.number())
      .as('organisations')
  })
  .use(middleware.auth())

router
  .group(() => {
    router.get('/', [OperatorController, 'index']).as('operators.organisations.index')
    router
      .get('/:id', [OperatorController, 'show'])
      .where('id', router.matchers.number())
      .as('operators.organisations.show')
    router
      .post('/:id/decide', [OperatorController, 'decide'])
      .where('id', router.matchers.number())
      .as('operators.organisations.decide')
    router
      .post('/postcards/:postcardId/print', [OperatorController, 'print'])
      .where('postcardId', router.matchers.number())
      .as('operators.organisations.postcards.print')
  })
  .prefix('/operators/organisations')
  .use(middleware.operator())
