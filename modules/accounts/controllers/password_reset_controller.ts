import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import PeekAccountLink from '#modules/accounts/actions/peek_account_link'
import RequestPasswordReset from '#modules/accounts/actions/request_password_reset'
import ResetPassword from '#modules/accounts/actions/reset_password'
import { InvalidLinkError } from '#modules/accounts/errors'
import {
  forgotPasswordValidator,
  resetPasswordValidator,
} from '#modules/accounts/validators/password_reset_validators'

const FORGOT_VIEW = 'accounts::pages/forgot_password'
const RESET_VIEW = 'accounts::pages/reset_password'

@inject()
export default class PasswordResetController {
  constructor(
    private requestReset: RequestPasswordReset,
    private resetPassword: ResetPassword,
    private peek: PeekAccountLink
  ) {}

  async create({ view }: HttpContext) {
    return view.render(FORGOT_VIEW)
  }

  /** Same answer whether or not the address has an account. */
  async store(ctx: HttpContext) {
    const { email } = await validateForm(ctx, forgotPasswordValidator, FORGOT_VIEW)
    await this.requestReset.execute(email)
    return ctx.view.render(FORGOT_VIEW, { sentTo: email })
  }

  async show({ params, view, response }: HttpContext) {
    const link = await this.peek.execute(params.token, ['password_reset'])
    if (!link) return response.status(410).send(await view.render(RESET_VIEW, { invalid: true }))
    return view.render(RESET_VIEW, { token: params.token, email: link.email })
  }

  async update(ctx: HttpContext) {
    const { params, view, response, session } = ctx
    const { password } = await validateForm(ctx, resetPasswordValidator, RESET_VIEW, {
      token: params.token,
    })
    try {
      await this.resetPassword.execute(params.token, password)
    } catch (error) {
      if (error instanceof InvalidLinkError) {
        return response.status(410).send(await view.render(RESET_VIEW, { invalid: true }))
      }
      throw error
    }
    session.flash('success', 'password_reset')
    return response.redirect().toRoute('accounts.session.show')
  }
}
