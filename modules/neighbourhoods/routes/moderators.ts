/*
| The operators' page of neighbourhood moderators: who moderates where,
| which super voisins may be made moderators, grant and revoke.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ModeratorsReviewController = () =>
  import('#modules/neighbourhoods/controllers/moderators_review_controller')

router
  .group(() => {
    router
      .get('/moderators', [ModeratorsReviewController, 'index'])
      .as('operators.moderators.index')
    router
      .post('/moderators/grant', [ModeratorsReviewController, 'grant'])
      .as('operators.moderators.grant')
    router
      .post('/moderators/revoke', [ModeratorsReviewController, 'revoke'])
      .as('operators.moderators.revoke')
  })
  .prefix('/operators')
  .use(middleware.operator())
