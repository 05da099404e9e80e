import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import { residentHome } from '#modules/neighbourhoods/index'
import RevokeVerification from '#modules/verification/actions/revoke_verification'
import { verificationHistory } from '#modules/verification/queries/standing_verification'
import { NothingToRevokeError } from '#modules/verification/services/errors'
import { pageRefusal } from '#app/forms/page_refusal'
import {
  residentSearchValidator,
  revocationValidator,
} from '#modules/verification/validators/revocation_validators'

const VIEW = 'verification::pages/operators/residents'

/**
 * Back office (operators only, `operator` middleware): find a resident by
 * e-mail or name, see their verifications (method, date, reviewer,
 * revocation) and revoke the standing one with a reason they are told.
 */
export default class VerificationsReviewController {
  async index(ctx: HttpContext) {
    const { q } = await ctx.request.validateUsing(residentSearchValidator, {
      data: ctx.request.qs(),
    })
    return ctx.view.render(VIEW, await this.pageState(q ?? ''))
  }

  async revoke(ctx: HttpContext) {
    const userId = Number(ctx.params.id)
    const q = String(ctx.request.input('q') ?? '').slice(0, 100)
    const state = { ...(await this.pageState(q)), failedId: userId }
    const { revoke_reason: reason } = await validateForm(ctx, revocationValidator, VIEW, state)
    try {
      await new RevokeVerification().execute({
        userId,
        operatorId: Number(ctx.auth.getUserOrFail().id),
        reason,
      })
    } catch (error) {
      if (error instanceof NothingToRevokeError) {
        throw pageRefusal({
          view: VIEW,
          state,
          status: 409,
          message: ctx.i18n.t('verification.errors.nothing_to_revoke'),
        })
      }
      throw error
    }
    ctx.session.flash('success', 'verification.flash.revoked')
    return ctx.response.redirect(`/operators/verification/residents?q=${encodeURIComponent(q)}`)
  }

  private async pageState(q: string) {
    const found = await accounts.search(q)
    const residents = []
    for (const account of found) {
      const home = await residentHome(account.id)
      residents.push({
        ...account,
        verified: Boolean(home?.verifiedAt),
        addressLabel: home?.addressLabel ?? null,
        history: await verificationHistory(account.id),
      })
    }
    const people = await accounts.displayNames(
      residents
        .flatMap((resident) => resident.history.flatMap((row) => [row.reviewerId, row.revokedById]))
        .filter((id): id is number => id !== null)
    )
    return { q, residents, people, failedId: null as number | null }
  }
}
