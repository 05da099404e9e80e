/*
| Routes of the privacy module.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { eraseThrottle, exportThrottle } from '#modules/privacy/limiters'

const PrivacyPageController = () => import('#modules/privacy/controllers/privacy_page_controller')
const PersonalDataController = () => import('#modules/privacy/controllers/personal_data_controller')

router.get('/privacy', [PrivacyPageController, 'show']).as('privacy.page')
router.get('/goodbye', [PrivacyPageController, 'goodbye']).as('privacy.goodbye')

router
  .group(() => {
    router
      .get('/profile/privacy', [PersonalDataController, 'show'])
      .as('privacy.personal_data.show')
    router
      .post('/profile/privacy/export', [PersonalDataController, 'export'])
      .as('privacy.personal_data.export')
      .use(exportThrottle)
    router
      .post('/profile/privacy/erase', [PersonalDataController, 'erase'])
      .as('privacy.personal_data.erase')
      .use(eraseThrottle)
  })
  .use(middleware.auth())
