/*
| Routes of the moderation module. Route names: 'moderation.*'.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { reportThrottle } from '#modules/moderation/limiters'

const ReportsController = () => import('#modules/moderation/controllers/reports_controller')
const QueueController = () => import('#modules/moderation/controllers/moderation_queue_controller')
const LogController = () => import('#modules/moderation/controllers/moderation_log_controller')
const AppealsController = () => import('#modules/moderation/controllers/appeals_controller')

router
  .group(() => {
    router.get('/reports/new', [ReportsController, 'create']).as('moderation.reports.create')
    router
      .post('/reports', [ReportsController, 'store'])
      .as('moderation.reports.store')
      .use(reportThrottle)

    router.get('/moderation', [QueueController, 'index']).as('moderation.queue')
    router
      .get('/moderation/reports/:id', [QueueController, 'show'])
      .where('id', router.matchers.number())
      .as('moderation.reports.show')
    router
      .post('/moderation/reports/:id', [QueueController, 'act'])
      .where('id', router.matchers.number())
      .as('moderation.reports.act')

    router
      .get('/neighbourhoods/:id/moderation-log', [LogController, 'show'])
      .where('id', router.matchers.number())
      .as('moderation.log')

    router.get('/moderation/appeals', [AppealsController, 'index']).as('moderation.appeals.index')
    router.post('/moderation/appeals', [AppealsController, 'store']).as('moderation.appeals.store')
  })
  .use(middleware.auth())

/** Operators decide appeals (the back office). */
router
  .group(() => {
    router
      .get('/operators/appeals', [AppealsController, 'review'])
      .as('moderation.appeal_review.index')
    router
      .post('/operators/appeals/:id', [AppealsController, 'decide'])
      .where('id', router.matchers.number())
      .as('moderation.appeal_review.decide')
  })
  .use(middleware.operator())
