import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import ConfirmEmail from '#modules/accounts/actions/confirm_email'
import PeekAccountLink from '#modules/accounts/actions/peek_account_link'
import SendEmailConfirmation from '#modules/accounts/actions/send_email_confirmation'
import { EmailTakenError, InvalidLinkError } from '#modules/accounts/errors'
import type User from '#modules/accounts/models/user'

const VIEW = 'accounts::pages/confirm_email'

@inject()
export default class EmailConfirmationController {
  constructor(
    private peek: PeekAccountLink,
    private confirm: ConfirmEmail,
    private sendConfirmation: SendEmailConfirmation
  ) {}

  /** The link from the mail: a page with a button, so scanners use nothing up. */
  async show({ params, view, response }: HttpContext) {
    const link = await this.peek.execute(params.token, ['email_confirmation', 'email_change'])
    if (!link) return response.status(410).send(await view.render(VIEW, { invalid: true }))
    return view.render(VIEW, { token: params.token, email: link.email })
  }

  async store({ params, view, response, session, i18n }: HttpContext) {
    try {
      await this.confirm.execute(params.token)
    } catch (error) {
      if (error instanceof InvalidLinkError) {
        return response.status(410).send(await view.render(VIEW, { invalid: true }))
      }
      if (error instanceof EmailTakenError) {
        return response.status(409).send(
          await view.render(VIEW, {
            invalid: true,
            reason: i18n.t('accounts.errors.email_taken'),
          })
        )
      }
      throw error
    }
    session.flash('success', 'email_confirmed')
    return response.redirect().toRoute('accounts.profile.show')
  }

  async resend({ auth, session, response }: HttpContext) {
    const user = auth.getUserOrFail() as User
    if (user.isEmailVerified) {
      session.flash('notice', 'email_already_confirmed')
    } else if (await isAddressOptedOut(user.email)) {
      /** No link would leave: say why, and how to get mail again. */
      return response.redirect().toRoute('accounts.mail_opt_in.show')
    } else {
      await this.sendConfirmation.execute(user)
      session.flash('success', 'confirmation_sent')
    }
    return response.redirect().back()
  }
}
