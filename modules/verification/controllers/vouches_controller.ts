import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import { neighbourhoodNames, residentHome } from '#modules/neighbourhoods/index'
import VouchForNeighbour from '#modules/verification/actions/cooptation/vouch_for_neighbour'
import WithdrawVouch from '#modules/verification/actions/cooptation/withdraw_vouch'
import { VERIFY_VIEW, verifyPageState } from '#modules/verification/controllers/verify_controller'
import {
  CandidateNotFoundError,
  SelfVouchError,
  VouchNotFoundError,
} from '#modules/verification/services/cooptation/errors'
import { refusalOf } from '#modules/verification/services/cooptation/refusals'
import { assertMayVouch } from '#modules/verification/services/cooptation/rules'
import { candidateOfToken } from '#modules/verification/services/cooptation/vouch_links'
import { authorizeTrust } from '#modules/verification/services/policy'
import { vouchValidator } from '#modules/verification/validators/cooptation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VOUCH_VIEW = 'verification::pages/cooptation/vouch'

/**
 * The vouch page a candidate's link opens (/verify/vouch/:token), for
 * verified residents of the candidate's neighbourhood: the candidate's
 * name and street, the statement to tick, or why they cannot vouch. An
 * unknown link, or a candidate of another neighbourhood, is a 404. Also
 * the voucher's withdrawal of their own vouch.
 */
@inject()
export default class VouchesController {
  constructor(
    private vouch: VouchForNeighbour,
    private withdrawal: WithdrawVouch
  ) {}

  async show(ctx: HttpContext) {
    const { viewerId, candidateId } = await this.parties(ctx)
    if (viewerId === candidateId) return ctx.view.render(VOUCH_VIEW, await this.ownLink(ctx))
    await authorizeTrust(viewerId, 'vouch')
    const state = await this.pageState(ctx, candidateId)
    try {
      await assertMayVouch(viewerId, candidateId)
    } catch (error) {
      const refusal = this.refusal(ctx, error, state.candidate.name)
      return ctx.view.render(VOUCH_VIEW, { ...state, refusal: refusal.message })
    }
    return ctx.view.render(VOUCH_VIEW, state)
  }

  async store(ctx: HttpContext) {
    const { viewerId, candidateId } = await this.parties(ctx)
    if (viewerId === candidateId) {
      throw pageRefusal({
        view: VOUCH_VIEW,
        state: await this.ownLink(ctx),
        ...this.refusal(ctx, new SelfVouchError()),
      })
    }
    await authorizeTrust(viewerId, 'vouch')
    const state = await this.pageState(ctx, candidateId)
    await validateForm(ctx, vouchValidator, VOUCH_VIEW, state)
    try {
      const outcome = await this.vouch.execute(viewerId, candidateId)
      ctx.session.flash('success', {
        key: outcome.verified ? 'cooptation.flash.vouched_verified' : 'cooptation.flash.vouched',
        name: state.candidate.name,
      })
    } catch (error) {
      const refusal = this.refusal(ctx, error, state.candidate.name)
      /** The page says why in place of the form (no second copy in the error summary). */
      throw pageRefusal({
        view: VOUCH_VIEW,
        state: { ...state, refusal: refusal.message },
        status: refusal.status,
      })
    }
    return ctx.response.redirect().toRoute('verification.show')
  }

  async withdraw(ctx: HttpContext) {
    const viewerId = Number(ctx.auth.getUserOrFail().id)
    const id = idParam(ctx)
    try {
      const outcome = await this.withdrawal.execute(viewerId, id)
      if (outcome === 'withdrawn') ctx.session.flash('success', 'cooptation.flash.withdrawn')
    } catch (error) {
      if (error instanceof VouchNotFoundError) return pageNotFound()
      const refusal = refusalOf(ctx, error)
      if (!refusal) throw error
      throw pageRefusal({ view: VERIFY_VIEW, state: await verifyPageState(viewerId), ...refusal })
    }
    return ctx.response.redirect().toRoute('verification.show')
  }

  /** Who is looking, and whose link this is (404 for a link that does not exist). */
  private async parties(ctx: HttpContext) {
    const viewerId = Number(ctx.auth.getUserOrFail().id)
    const candidateId = await candidateOfToken(String(ctx.params.token))
    if (candidateId === null) return pageNotFound()
    return { viewerId, candidateId }
  }

  /** The candidate as the vouch page shows them: display name and street only. */
  private async pageState(ctx: HttpContext, candidateId: number) {
    const [candidate, home] = await Promise.all([
      accounts.findResident(candidateId),
      residentHome(candidateId),
    ])
    if (!candidate || !home || home.neighbourhoodId === null) return pageNotFound()
    const names = await neighbourhoodNames([home.neighbourhoodId])
    return {
      own: false,
      token: String(ctx.params.token),
      candidate: {
        name: candidate.displayName,
        street: home.streetName,
        neighbourhood: names.get(home.neighbourhoodId)?.name ?? '',
      },
      refusal: null as string | null,
    }
  }

  /** A candidate opening their own link: what it is for, no form. */
  private async ownLink(ctx: HttpContext) {
    return { own: true, token: String(ctx.params.token), candidate: null, refusal: null }
  }

  /** A refusal to show on the page; what is not one (a 404 among them) goes on up. */
  private refusal(ctx: HttpContext, error: unknown, name = '') {
    if (error instanceof CandidateNotFoundError) return pageNotFound()
    const refusal = refusalOf(ctx, error, name)
    if (!refusal) throw error
    return refusal
  }
}
