import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import RegisterResident from '#modules/accounts/actions/register_resident'
import { EmailTakenError } from '#modules/accounts/errors'
import { openSession } from '#modules/accounts/services/sessions'
import { signupValidator } from '#modules/accounts/validators/signup_validator'

const VIEW = 'accounts::pages/signup'

@inject()
export default class SignupController {
  constructor(private registerResident: RegisterResident) {}

  async show({ view }: HttpContext) {
    return view.render(VIEW)
  }

  async store(ctx: HttpContext) {
    const data = await validateForm(ctx, signupValidator, VIEW)
    try {
      const user = await this.registerResident.execute({
        displayName: data.display_name,
        email: data.email,
        password: data.password,
        homeAddress: data.home_address,
        locale: ctx.i18n.locale,
      })
      await openSession(ctx, user, false)
      /** No confirmation link left for an address that asked for no mail: say so. */
      const mailStopped = await isAddressOptedOut(user.email)
      ctx.session.flash('success', mailStopped ? 'signed_up_mail_stopped' : 'signed_up')
      /** Next: place the new resident's home (neighbourhoods module). */
      return ctx.response.redirect().toRoute('neighbourhoods.home')
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new FormError({
          view: VIEW,
          fieldErrors: { email: [ctx.i18n.t('accounts.errors.email_taken')] },
        })
      }
      throw error
    }
  }
}
