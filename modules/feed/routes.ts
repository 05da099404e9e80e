/*
| Routes of the feed module. Route names: 'feed.*'.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import '#modules/feed/channels'

const FeedController = () => import('#modules/feed/controllers/feed_controller')

router.get('/feed', [FeedController, 'show']).as('feed.show').use(middleware.auth())
