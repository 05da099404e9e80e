/*
| Routes of the messaging module. Route names: 'messaging.*'.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { sendMessageThrottle } from '#modules/messaging/limiters'

const ConversationsController = () =>
  import('#modules/messaging/controllers/conversations_controller')
const BlocksController = () => import('#modules/messaging/controllers/blocks_controller')

router
  .group(() => {
    router.get('/messages', [ConversationsController, 'index']).as('messaging.conversations.index')
    router
      .group(() => {
        router
          .get('/messages/:id', [ConversationsController, 'show'])
          .as('messaging.conversations.show')
        router
          .post('/messages/:id', [ConversationsController, 'store'])
          .as('messaging.conversations.store')
          .use(sendMessageThrottle)
        router
          .get('/messages/:id/since', [ConversationsController, 'since'])
          .as('messaging.conversations.since')
        router.post('/messages/:id/block', [BlocksController, 'store']).as('messaging.blocks.store')
        router
          .post('/messages/:id/unblock', [BlocksController, 'destroy'])
          .as('messaging.blocks.destroy')
      })
      .where('id', router.matchers.number())
  })
  .use(middleware.auth())
