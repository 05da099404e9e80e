import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import GrantModeratorRole from '#modules/neighbourhoods/actions/moderators/grant_moderator_role'
import RevokeModeratorRole from '#modules/neighbourhoods/actions/moderators/revoke_moderator_role'
import ModeratorPolicy from '#modules/neighbourhoods/policies/moderator_policy'
import {
  moderatorsByNeighbourhood,
  neighbourhoodName,
} from '#modules/neighbourhoods/queries/moderators'
import {
  namesById,
  pageRefusal,
  viewerId,
} from '#modules/neighbourhoods/services/ambassadors/pages'
import { NotSuperVoisinOfNeighbourhoodError } from '#modules/neighbourhoods/services/moderators/errors'
import { moderatorSettings } from '#modules/neighbourhoods/services/moderators/settings'
import {
  grantModeratorValidator,
  revokeModeratorValidator,
} from '#modules/neighbourhoods/validators/moderator_validators'

const VIEW = 'neighbourhoods::pages/moderators/index'

/**
 * Back office (operators only: `operator` middleware and ModeratorPolicy):
 * each neighbourhood's moderators, and its super voisins who may be made
 * moderators; grant and revoke (with a reason the resident receives).
 */
@inject()
export default class ModeratorsReviewController {
  constructor(
    private granting: GrantModeratorRole,
    private revoking: RevokeModeratorRole
  ) {}

  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ModeratorPolicy).authorize('manage')
    return ctx.view.render(VIEW, await this.pageState())
  }

  async grant(ctx: HttpContext) {
    await ctx.bouncer.with(ModeratorPolicy).authorize('manage')
    const operatorId = viewerId(ctx)
    const data = await validateForm(ctx, grantModeratorValidator, VIEW, await this.pageState())
    let outcome
    try {
      outcome = await this.granting.execute({
        userId: data.resident_id,
        neighbourhoodId: data.neighbourhood_id,
        operatorId,
      })
    } catch (error) {
      if (!(error instanceof NotSuperVoisinOfNeighbourhoodError)) throw error
      throw pageRefusal({
        view: VIEW,
        state: await this.pageState(),
        status: 422,
        message: ctx.i18n.t('moderators.errors.not_super_voisin'),
      })
    }
    await this.flash(ctx, outcome === 'granted' ? 'granted' : 'already_moderator', data)
    return ctx.response.redirect().toRoute('operators.moderators.index')
  }

  async revoke(ctx: HttpContext) {
    await ctx.bouncer.with(ModeratorPolicy).authorize('manage')
    const operatorId = viewerId(ctx)
    /** The refused row shows the message beside its own reason field. */
    const failed = `${ctx.request.input('resident_id')}-${ctx.request.input('neighbourhood_id')}`
    const state = { ...(await this.pageState()), failed }
    const data = await validateForm(ctx, revokeModeratorValidator, VIEW, state)
    const outcome = await this.revoking.execute({
      userId: data.resident_id,
      neighbourhoodId: data.neighbourhood_id,
      operatorId,
      reason: data.revoke_reason,
    })
    await this.flash(ctx, outcome === 'revoked' ? 'revoked' : 'already_revoked', data)
    return ctx.response.redirect().toRoute('operators.moderators.index')
  }

  private async flash(
    ctx: HttpContext,
    key: string,
    data: { resident_id: number; neighbourhood_id: number }
  ) {
    const [names, neighbourhood] = await Promise.all([
      namesById([data.resident_id]),
      neighbourhoodName(data.neighbourhood_id),
    ])
    ctx.session.flash('success', {
      key: `moderators.flash.${key}`,
      name: names.get(data.resident_id) ?? ctx.i18n.t('moderators.page.someone'),
      neighbourhood: neighbourhood ?? '',
    })
  }

  private async pageState() {
    const neighbourhoods = await moderatorsByNeighbourhood()
    const names = await namesById(
      neighbourhoods.flatMap((neighbourhood) => [
        ...neighbourhood.moderators.flatMap((moderator) =>
          moderator.grantedById === null
            ? [moderator.userId]
            : [moderator.userId, moderator.grantedById]
        ),
        ...neighbourhood.candidates.map((candidate) => candidate.userId),
      ])
    )
    return {
      neighbourhoods,
      names,
      failed: null as string | null,
      reasonMin: moderatorSettings.revokeReason.min,
      reasonMax: moderatorSettings.revokeReason.max,
    }
  }
}
