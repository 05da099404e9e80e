/*
| Routes of the backoffice module: the operators' dashboard, home of the
| back office (each queue keeps its page in its own module).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#modules/backoffice/controllers/dashboard_controller')

router
  .get('/operators', [DashboardController, 'show'])
  .as('operators.dashboard')
  .use(middleware.operator())
