import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import ChangePassword from '#modules/accounts/actions/change_password'
import RequestEmailChange from '#modules/accounts/actions/request_email_change'
import SignOutOtherSessions from '#modules/accounts/actions/sign_out_other_sessions'
import { EmailTakenError, WrongPasswordError } from '#modules/accounts/errors'
import type User from '#modules/accounts/models/user'
import { renewSession } from '#modules/accounts/services/sessions'
import {
  changeEmailValidator,
  changePasswordValidator,
} from '#modules/accounts/validators/profile_validators'

const VIEW = 'accounts::pages/security'

/**
 * Sign-in e-mail, password and sessions. Changing the e-mail or the
 * password asks for the current password again.
 */
@inject()
export default class SecurityController {
  constructor(
    private requestEmailChange: RequestEmailChange,
    private changePassword: ChangePassword,
    private signOutOthers: SignOutOtherSessions
  ) {}

  async show({ view }: HttpContext) {
    return view.render(VIEW)
  }

  async updateEmail(ctx: HttpContext) {
    const data = await validateForm(ctx, changeEmailValidator, VIEW)
    const user = ctx.auth.getUserOrFail() as User
    try {
      await this.requestEmailChange.execute(user, {
        currentPassword: data.current_password,
        newEmail: data.new_email,
      })
    } catch (error) {
      if (error instanceof WrongPasswordError) {
        throw new FormError({
          view: VIEW,
          fieldErrors: { current_password: [ctx.i18n.t('accounts.errors.wrong_password')] },
        })
      }
      if (error instanceof EmailTakenError) {
        throw new FormError({
          view: VIEW,
          fieldErrors: { new_email: [ctx.i18n.t('accounts.errors.email_taken')] },
        })
      }
      throw error
    }
    ctx.session.flash('success', 'email_change_sent')
    return ctx.response.redirect().toRoute('accounts.security.show')
  }

  async updatePassword(ctx: HttpContext) {
    const data = await validateForm(ctx, changePasswordValidator, VIEW)
    const user = ctx.auth.getUserOrFail() as User
    try {
      await this.changePassword.execute(user, {
        currentPassword: data.old_password,
        newPassword: data.new_password,
      })
    } catch (error) {
      if (error instanceof WrongPasswordError) {
        throw new FormError({
          view: VIEW,
          fieldErrors: { old_password: [ctx.i18n.t('accounts.errors.wrong_password')] },
        })
      }
      throw error
    }
    await renewSession(ctx, user)
    ctx.session.flash('success', 'password_changed')
    return ctx.response.redirect().toRoute('accounts.security.show')
  }

  async signOutOtherSessions(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail() as User
    await this.signOutOthers.execute(user)
    await renewSession(ctx, user)
    ctx.session.flash('success', 'other_sessions_signed_out')
    return ctx.response.redirect().toRoute('accounts.security.show')
  }
}
