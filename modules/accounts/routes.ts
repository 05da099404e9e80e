import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import {
  accountMailThrottle,
  loginThrottle,
  mailOptInThrottle,
  resetPerAddressThrottle,
  resetPerIpThrottle,
  signupThrottle,
} from '#modules/accounts/limiters'

const SignupController = () => import('#modules/accounts/controllers/signup_controller')
const SessionController = () => import('#modules/accounts/controllers/session_controller')
const EmailConfirmationController = () =>
  import('#modules/accounts/controllers/email_confirmation_controller')
const MailOptInController = () => import('#modules/accounts/controllers/mail_opt_in_controller')
const PasswordResetController = () =>
  import('#modules/accounts/controllers/password_reset_controller')
const ProfileController = () => import('#modules/accounts/controllers/profile_controller')
const SecurityController = () => import('#modules/accounts/controllers/security_controller')
const ProfileVisibilityController = () =>
  import('#modules/accounts/controllers/profile_visibility_controller')
const ResidentsController = () => import('#modules/accounts/controllers/residents_controller')

router
  .group(() => {
    router.get('/signup', [SignupController, 'show']).as('accounts.signup.show')
    router
      .post('/signup', [SignupController, 'store'])
      .as('accounts.signup.store')
      .use(signupThrottle)
    router.get('/login', [SessionController, 'show']).as('accounts.session.show')
    router
      .post('/login', [SessionController, 'store'])
      .as('accounts.session.store')
      .use(loginThrottle)
  })
  .use(middleware.guest())

router
  .post('/logout', [SessionController, 'destroy'])
  .as('accounts.session.destroy')
  .use(middleware.auth())

router
  .get('/email/confirm/:token', [EmailConfirmationController, 'show'])
  .as('accounts.email_confirmation.show')
router
  .post('/email/confirm/:token', [EmailConfirmationController, 'store'])
  .as('accounts.email_confirmation.store')
router
  .post('/email/confirmation/resend', [EmailConfirmationController, 'resend'])
  .as('accounts.email_confirmation.resend')
  .use([middleware.auth(), accountMailThrottle])

/** Mail again to an address that had asked for none (its owner, signed in, asks). */
router
  .get('/email/opt-in', [MailOptInController, 'show'])
  .as('accounts.mail_opt_in.show')
  .use(middleware.auth())
router
  .post('/email/opt-in', [MailOptInController, 'store'])
  .as('accounts.mail_opt_in.store')
  .use([middleware.auth(), mailOptInThrottle])
router.get('/email/opt-in/:token', [MailOptInController, 'link']).as('accounts.mail_opt_in.link')
router
  .post('/email/opt-in/:token', [MailOptInController, 'confirm'])
  .as('accounts.mail_opt_in.confirm')

router
  .get('/password/forgot', [PasswordResetController, 'create'])
  .as('accounts.password_reset.create')
router
  .post('/password/forgot', [PasswordResetController, 'store'])
  .as('accounts.password_reset.store')
  .use([resetPerIpThrottle, resetPerAddressThrottle])
router
  .get('/password/reset/:token', [PasswordResetController, 'show'])
  .as('accounts.password_reset.show')
router
  .post('/password/reset/:token', [PasswordResetController, 'update'])
  .as('accounts.password_reset.update')

router
  .group(() => {
    router.get('/profile', [ProfileController, 'show']).as('accounts.profile.show')
    router.post('/profile', [ProfileController, 'update']).as('accounts.profile.update')
    router.get('/profile/security', [SecurityController, 'show']).as('accounts.security.show')
    router
      .post('/profile/security/email', [SecurityController, 'updateEmail'])
      .as('accounts.security.update_email')
      .use(accountMailThrottle)
    router
      .post('/profile/security/password', [SecurityController, 'updatePassword'])
      .as('accounts.security.update_password')
    router
      .post('/profile/security/sessions', [SecurityController, 'signOutOtherSessions'])
      .as('accounts.security.sign_out_others')
    router
      .post('/profile/visibility', [ProfileVisibilityController, 'update'])
      .as('accounts.visibility.update')
    router
      .post('/profile/photo', [ProfileVisibilityController, 'uploadPhoto'])
      .as('accounts.photo.store')
    router
      .post('/profile/photo/delete', [ProfileVisibilityController, 'deletePhoto'])
      .as('accounts.photo.destroy')
    router
      .get('/residents/:id', [ResidentsController, 'show'])
      .where('id', /^\d{1,18}$/)
      .as('accounts.residents.show')
    router
      .get('/residents/:id/photo', [ResidentsController, 'photo'])
      .where('id', /^\d{1,18}$/)
      .as('accounts.residents.photo')
  })
  .use(middleware.auth())
