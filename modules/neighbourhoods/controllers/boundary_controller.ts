import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import ChangeBoundary from '#modules/neighbourhoods/actions/change_boundary'
import NeighbourhoodPolicy from '#modules/neighbourhoods/policies/neighbourhood_policy'
import { refusalMessage } from '#modules/neighbourhoods/controllers/neighbourhoods_controller'
import { checkBoundary } from '#modules/neighbourhoods/services/boundary_checks'
import {
  boundariesAround,
  neighbourhoodBySlug,
  townBoundary,
  type NeighbourhoodSummary,
} from '#modules/neighbourhoods/queries/neighbourhood_page'
import { proposeBoundaryValidator } from '#modules/neighbourhoods/validators/boundary_validators'
import { pageNotFound } from '#app/http/page_not_found'

const EDIT_VIEW = 'neighbourhoods::pages/edit_boundary'

/**
 * Versioned boundary changes: super voisins propose, moderators and
 * operators apply, reject or revert (NeighbourhoodPolicy).
 */
@inject()
export default class BoundaryController {
  constructor(private changes: ChangeBoundary) {}

  private async neighbourhood(ctx: HttpContext): Promise<NeighbourhoodSummary> {
    const neighbourhood = await neighbourhoodBySlug(ctx.params.slug)
    if (!neighbourhood) pageNotFound()
    return neighbourhood!
  }

  private async editState(neighbourhood: NeighbourhoodSummary) {
    return {
      neighbourhood,
      townBoundary: await townBoundary(neighbourhood.townId),
      others: await boundariesAround(neighbourhood.center, { exceptId: neighbourhood.id }),
      map: neighbourhoodsConfig.map,
    }
  }

  async edit(ctx: HttpContext) {
    const neighbourhood = await this.neighbourhood(ctx)
    await ctx.bouncer.with(NeighbourhoodPolicy).authorize('proposeBoundary', neighbourhood)
    return ctx.view.render(EDIT_VIEW, await this.editState(neighbourhood))
  }

  async propose(ctx: HttpContext) {
    const neighbourhood = await this.neighbourhood(ctx)
    const policy = ctx.bouncer.with(NeighbourhoodPolicy)
    await policy.authorize('proposeBoundary', neighbourhood)
    const state = await this.editState(neighbourhood)
    const data = await validateForm(ctx, proposeBoundaryValidator, EDIT_VIEW, state)

    const check = await checkBoundary(data.boundary, {
      townId: neighbourhood.townId,
      ignoreNeighbourhoodId: neighbourhood.id,
    })
    if (!check.ok) {
      throw new FormError({
        view: EDIT_VIEW,
        state: { ...state, suggestion: check.suggestion ?? null },
        fieldErrors: { boundary: [refusalMessage(ctx, check)] },
      })
    }
    const userId = ctx.auth.getUserOrFail().id
    if (await policy.allows('reviewBoundary', neighbourhood)) {
      await this.changes.applyNew(neighbourhood.id, userId, check.geometry, data.reason)
      ctx.session.flash('success', 'boundary_applied')
    } else {
      await this.changes.propose(neighbourhood.id, userId, check.geometry, data.reason)
      ctx.session.flash('success', 'boundary_proposed')
    }
    return ctx.response.redirect().toRoute('neighbourhoods.show', { slug: neighbourhood.slug })
  }

  async review(ctx: HttpContext) {
    const neighbourhood = await this.neighbourhood(ctx)
    await ctx.bouncer.with(NeighbourhoodPolicy).authorize('reviewBoundary', neighbourhood)
    const reviewer = ctx.auth.getUserOrFail().id
    const revisionId = Number(ctx.params.id)
    const decision = ctx.params.decision as 'accept' | 'reject' | 'revert'
    const done = await this.changes[decision](neighbourhood.id, revisionId, reviewer)
    ctx.session.flash(
      done ? 'success' : 'error',
      done ? `boundary_${decision}ed` : 'boundary_revision_unchanged'
    )
    return ctx.response.redirect().toRoute('neighbourhoods.show', { slug: neighbourhood.slug })
  }
}
