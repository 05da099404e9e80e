/*
| HTTP kernel: middleware order matters.
|
| Everything up to locale detection runs on the server stack so that pages
| rendered for unmatched URLs (404) still have a session, a CSP nonce, the
| signed-in user and the right language.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#app/exceptions/handler'))

server.use([
  () => import('#app/middleware/container_bindings_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#app/middleware/silent_auth_middleware'),
  () => import('#app/middleware/initialize_bouncer_middleware'),
  () => import('#modules/accounts/middleware/session_epoch_middleware'),
  () => import('#app/middleware/detect_user_locale_middleware'),
])

router.use([() => import('#modules/moderation/middleware/sanction_middleware')])

export const middleware = router.named({
  auth: () => import('#app/middleware/auth_middleware'),
  guest: () => import('#app/middleware/guest_middleware'),
  devOnly: () => import('#app/middleware/dev_only_middleware'),
  declaredChannel: () => import('#app/middleware/declared_channel_middleware'),
  operator: () => import('#app/middleware/operator_middleware'),
  verified: () => import('#modules/verification/middleware/verified_middleware'),
})
