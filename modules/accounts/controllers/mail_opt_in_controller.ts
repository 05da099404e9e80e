import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { isAddressOptedOut } from '#app/mail/address_opt_outs'
import AcceptMailOptIn from '#modules/accounts/actions/accept_mail_opt_in'
import RequestMailOptIn, {
  AddressNotOptedOutError,
} from '#modules/accounts/actions/request_mail_opt_in'
import PeekAccountLink from '#modules/accounts/actions/peek_account_link'
import { InvalidLinkError } from '#modules/accounts/errors'
import type User from '#modules/accounts/models/user'

const VIEW = 'accounts::pages/mail_opt_in'
const LINK_VIEW = 'accounts::pages/mail_opt_in_link'

/**
 * An address that asked Quartier never to write to it, and its owner who
 * now wants mail again: the explanation, the request for one mail, and
 * that mail's link.
 */
@inject()
export default class MailOptInController {
  constructor(
    private request: RequestMailOptIn,
    private accept: AcceptMailOptIn,
    private peek: PeekAccountLink
  ) {}

  async show({ auth, view, response, session }: HttpContext) {
    const user = auth.getUserOrFail() as User
    if (!(await isAddressOptedOut(user.email))) {
      session.flash('notice', 'mail_opt_in_not_needed')
      return response.redirect().toRoute('accounts.profile.show')
    }
    return view.render(VIEW, { email: user.email })
  }

  async store({ auth, view, response, session }: HttpContext) {
    const user = auth.getUserOrFail() as User
    try {
      await this.request.execute(user)
    } catch (error) {
      if (error instanceof AddressNotOptedOutError) {
        session.flash('notice', 'mail_opt_in_not_needed')
        return response.redirect().toRoute('accounts.profile.show')
      }
      /** SMTP down: nothing was promised; the page says to try again later. */
      logger.error({ err: error }, 'mail opt-in request could not be sent')
      return response
        .status(503)
        .send(await view.render(VIEW, { email: user.email, sendFailed: true }))
    }
    session.flash('success', 'mail_opt_in_sent')
    return response.redirect().toRoute('accounts.mail_opt_in.show')
  }

  /** The link from the mail: a page with a button, so mail scanners use nothing up. */
  async link({ params, view, response }: HttpContext) {
    const link = await this.peek.execute(params.token, ['mail_opt_in'])
    if (!link) return response.status(410).send(await view.render(LINK_VIEW, { invalid: true }))
    return view.render(LINK_VIEW, { token: params.token, email: link.email })
  }

  async confirm({ params, view, response, session, auth }: HttpContext) {
    try {
      await this.accept.execute(params.token)
    } catch (error) {
      if (error instanceof InvalidLinkError) {
        return response.status(410).send(await view.render(LINK_VIEW, { invalid: true }))
      }
      throw error
    }
    session.flash('success', 'mail_opt_in_done')
    await auth.check()
    return response
      .redirect()
      .toRoute(auth.isAuthenticated ? 'accounts.profile.show' : 'accounts.session.show')
  }
}
