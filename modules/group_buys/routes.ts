/*
| Routes of the group buys module. Route names: 'group_buys.*'. Every page
| is for signed-in residents; writing a campaign and pledging need a
| verified address (the 403 page tells how to get one); each campaign is
| checked against the viewer's scope (404 when out of it), and each step
| against its organiser and the state machine (409 when not allowed).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { campaignWriteThrottle, pledgeThrottle } from '#modules/group_buys/limiters'
import '#modules/group_buys/channels'

const GroupBuysController = () => import('#modules/group_buys/controllers/group_buys_controller')
const CampaignStepsController = () =>
  import('#modules/group_buys/controllers/campaign_steps_controller')
const PledgesController = () => import('#modules/group_buys/controllers/pledges_controller')

router
  .group(() => {
    router
      .get('/group-buys/new', [GroupBuysController, 'create'])
      .as('group_buys.create')
      .use(middleware.verified({ ability: 'post' }))
    router
      .post('/group-buys', [GroupBuysController, 'store'])
      .as('group_buys.store')
      .use([middleware.verified({ ability: 'post' }), campaignWriteThrottle])
    router.get('/group-buys/mine', [GroupBuysController, 'mine']).as('group_buys.mine')

    router
      .group(() => {
        router.get('/', [GroupBuysController, 'show']).as('show')
        router
          .post('/', [GroupBuysController, 'update'])
          .as('update')
          .use([middleware.verified({ ability: 'post' }), campaignWriteThrottle])
        router.get('/edit', [GroupBuysController, 'edit']).as('edit')
        router.get('/progress', [GroupBuysController, 'progress']).as('progress')
        router.post('/open', [CampaignStepsController, 'open']).as('open')
        router.post('/cancel', [CampaignStepsController, 'cancel']).as('cancel')
        router.post('/confirm', [CampaignStepsController, 'confirm']).as('confirm')
        router.post('/deliver', [CampaignStepsController, 'deliver']).as('deliver')
        router.post('/complete', [CampaignStepsController, 'complete']).as('complete')
        router
          .post('/pledge', [PledgesController, 'store'])
          .as('pledge')
          .use([middleware.verified({ ability: 'pledge' }), pledgeThrottle])
        router.post('/pledge/cancel', [PledgesController, 'cancel']).as('pledge.cancel')
      })
      .prefix('/group-buys/:id')
      .where('id', router.matchers.number())
      .as('group_buys')
  })
  .use(middleware.auth())

// --- order sheet and pickup list (sheet helper) ---
await import('#modules/group_buys/routes/order_sheet_pickup')
