/*
| Invitation routes: the resident's invite page (e-mail, SMS, printable
| letter) and the public join page a link or a code leads to.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const InvitationsController = () =>
  import('#modules/neighbourhoods/controllers/invitations_controller')
const JoinController = () => import('#modules/neighbourhoods/controllers/join_controller')

router
  .group(() => {
    router.get('/', [InvitationsController, 'show']).as('neighbourhoods.invitations.show')
    router
      .post('/email', [InvitationsController, 'storeEmail'])
      .as('neighbourhoods.invitations.store_email')
    router
      .post('/sms', [InvitationsController, 'storeSms'])
      .as('neighbourhoods.invitations.store_sms')
    router.get('/letter', [InvitationsController, 'letter']).as('neighbourhoods.invitations.letter')
  })
  .prefix('/neighbourhood/invite')
  .use(middleware.auth())

router.get('/join', [JoinController, 'index']).as('neighbourhoods.join.index')
router.get('/join/:code', [JoinController, 'show']).as('neighbourhoods.join.show')
