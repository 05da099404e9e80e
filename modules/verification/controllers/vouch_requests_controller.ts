import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { pageRefusal } from '#app/forms/page_refusal'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import AskNeighbour from '#modules/verification/actions/cooptation/ask_neighbour'
import DeclineVouchRequest from '#modules/verification/actions/cooptation/decline_vouch_request'
import { VERIFY_VIEW, verifyPageState } from '#modules/verification/controllers/verify_controller'
import {
  NeighbourNotFoundError,
  VouchRequestNotFoundError,
} from '#modules/verification/services/cooptation/errors'
import { neighbourName } from '#modules/verification/services/cooptation/names'
import { refusalOf } from '#modules/verification/services/cooptation/refusals'
import { vouchRequestValidator } from '#modules/verification/validators/cooptation_validators'
import { pageNotFound } from '#app/http/page_not_found'

/**
 * A candidate asks a named neighbour to vouch (from the list on their
 * "Verify my address" page); the neighbour may decline. Refusals show
 * that page again with the message.
 */
@inject()
export default class VouchRequestsController {
  constructor(
    private ask: AskNeighbour,
    private declining: DeclineVouchRequest
  ) {}

  async store(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const state = await verifyPageState(userId)
    const { voucher_id: voucherId } = await validateForm(
      ctx,
      vouchRequestValidator,
      VERIFY_VIEW,
      state
    )
    try {
      await this.ask.execute(userId, voucherId)
    } catch (error) {
      if (error instanceof NeighbourNotFoundError) {
        throw pageRefusal({
          view: VERIFY_VIEW,
          state,
          status: 422,
          fieldErrors: { voucher_id: [ctx.i18n.t('cooptation.errors.neighbour_not_found')] },
        })
      }
      const refusal = refusalOf(ctx, error)
      if (!refusal) throw error
      throw pageRefusal({ view: VERIFY_VIEW, state, ...refusal })
    }
    const neighbour = await accounts.findResident(voucherId)
    ctx.session.flash('success', {
      key: 'cooptation.flash.asked',
      name: neighbourName(neighbour?.displayName ?? '', 'unverified'),
    })
    return ctx.response.redirect().toRoute('verification.show')
  }

  async decline(ctx: HttpContext) {
    const userId = Number(ctx.auth.getUserOrFail().id)
    const id = Number(ctx.params.id)
    try {
      if (!Number.isSafeInteger(id)) throw new VouchRequestNotFoundError()
      const outcome = await this.declining.execute(userId, id)
      if (outcome === 'declined') ctx.session.flash('success', 'cooptation.flash.declined')
    } catch (error) {
      if (error instanceof VouchRequestNotFoundError) {
        return pageNotFound()
      }
      throw error
    }
    return ctx.response.redirect().toRoute('verification.show')
  }
}
