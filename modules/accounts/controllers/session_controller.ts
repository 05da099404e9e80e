import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import User from '#modules/accounts/models/user'
import { EPOCH_KEY, openSession } from '#modules/accounts/services/sessions'
import { loginValidator } from '#modules/accounts/validators/login_validator'

const VIEW = 'accounts::pages/login'

export default class SessionController {
  async show({ view, request, session }: HttpContext) {
    const intended = request.input('intended')
    if (typeof intended === 'string') session.setIntendedUrl(intended)
    return view.render(VIEW)
  }

  async store(ctx: HttpContext) {
    const data = await validateForm(ctx, loginValidator, VIEW)
    let user: User
    try {
      /** Constant-time whether or not the address exists. */
      user = await User.verifyCredentials(data.email, data.password)
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        throw new FormError({
          view: VIEW,
          status: 400,
          formMessage: ctx.i18n.t('accounts.errors.invalid_credentials'),
        })
      }
      throw error
    }
    await openSession(ctx, user, !!data.remember_me)
    ctx.session.flash('success', 'signed_in')
    return ctx.response.redirect().toIntendedRoute('neighbourhoods.home')
  }

  async destroy({ auth, session, response }: HttpContext) {
    await auth.use('web').logout()
    session.forget(EPOCH_KEY)
    session.flash('success', 'signed_out')
    return response.redirect('/')
  }
}
