import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import { joinableInvitation } from '#modules/neighbourhoods/queries/invitations'
import {
  INVITATION_SESSION_KEY,
  formatCode,
} from '#modules/neighbourhoods/services/invitations/codes'
import { joinCodeValidator } from '#modules/neighbourhoods/validators/invitation_validators'

const INDEX_VIEW = 'neighbourhoods::pages/join/index'

/**
 * The public page a join link or a typed code leads to: who invites, to
 * which neighbourhood (a display name and a neighbourhood, never an
 * address or the recipient), then sign up or log in.
 */
export default class JoinController {
  /** "Go to .../join and type the code": a code typed here leads to its page. */
  async index(ctx: HttpContext) {
    if (ctx.request.qs().invitation_code === undefined) return ctx.view.render(INDEX_VIEW)
    const { invitation_code: code } = await validateForm(ctx, joinCodeValidator, INDEX_VIEW)
    return ctx.response.redirect().toRoute('neighbourhoods.join.show', { code })
  }

  async show(ctx: HttpContext) {
    const { params, response, session, view } = ctx
    /** Codes in URLs stay out of search engines and other sites' logs. */
    response.header('X-Robots-Tag', 'noindex, nofollow')
    response.header('Referrer-Policy', 'no-referrer')

    const invitation = await joinableInvitation(String(params.code ?? ''))
    if (invitation.state !== 'valid') {
      const status = invitation.state === 'unknown' ? 404 : 410
      const html = await view.render('neighbourhoods::pages/join/unavailable', {
        reason: invitation.state,
        status,
      })
      return response.status(status).send(html)
    }

    const inviter = await accounts.findResident(invitation.inviterId)
    session.put(INVITATION_SESSION_KEY, invitation.code)
    return view.render('neighbourhoods::pages/join/show', {
      invitation,
      code: formatCode(invitation.code),
      inviterName: inviter?.displayName ?? null,
    })
  }
}
