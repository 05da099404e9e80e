/*
| The supplier's order sheet (page and CSV) and the pickup list, for the
| campaign's organiser (operators may read the sheet); anyone else: 404.
| Imported at the end of modules/group_buys/routes.ts.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const OrderSheetController = () => import('#modules/group_buys/controllers/order_sheet_controller')
const PickupController = () => import('#modules/group_buys/controllers/pickup_controller')

router
  .group(() => {
    router.get('/order-sheet', [OrderSheetController, 'show']).as('order_sheet.show')
    router.get('/order-sheet/csv', [OrderSheetController, 'csv']).as('order_sheet.csv')
    router.get('/pickup', [PickupController, 'show']).as('pickup.show')
    router
      .post('/pickup/:pledgeId', [PickupController, 'tick'])
      .where('pledgeId', router.matchers.number())
      .as('pickup.tick')
  })
  .prefix('/group-buys/:id')
  .where('id', router.matchers.number())
  .as('group_buys')
  .use(middleware.auth())
