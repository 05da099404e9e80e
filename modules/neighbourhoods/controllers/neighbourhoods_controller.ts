import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import neighbourhoodsConfig from '#config/neighbourhoods'
import { FormError } from '#app/forms/form_error'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import CreateNeighbourhood from '#modules/neighbourhoods/actions/create_neighbourhood'
import NeighbourhoodPolicy from '#modules/neighbourhoods/policies/neighbourhood_policy'
import {
  checkBoundary,
  type BoundaryRefusal,
} from '#modules/neighbourhoods/services/boundary_checks'
import { residentHome, type ResidentHome } from '#modules/neighbourhoods/queries/resident_home'
import {
  boundariesAround,
  boundaryHistory,
  nearbyOf,
  neighbourhoodBySlug,
  townBoundary,
  townName,
} from '#modules/neighbourhoods/queries/neighbourhood_page'
import { createNeighbourhoodValidator } from '#modules/neighbourhoods/validators/boundary_validators'
import { pageNotFound } from '#app/http/page_not_found'

const CREATE_VIEW = 'neighbourhoods::pages/create'

/** The translated message for a refused boundary. */
export function refusalMessage(ctx: HttpContext, refusal: BoundaryRefusal) {
  return ctx.i18n.t(`neighbourhoods.drawing.refusals.${refusal.reason}`, refusal.params ?? {})
}

@inject()
export default class NeighbourhoodsController {
  constructor(private createNeighbourhood: CreateNeighbourhood) {}

  /** Only a resident placed in a known town, outside every neighbourhood, draws one. */
  private async drawingHome(ctx: HttpContext): Promise<(ResidentHome & { townId: number }) | null> {
    const home = await residentHome(ctx.auth.getUserOrFail().id)
    if (!home || home.neighbourhoodId || !home.townId) return null
    return home as ResidentHome & { townId: number }
  }

  private async createState(home: ResidentHome & { townId: number }) {
    return {
      home,
      townName: await townName(home.townId),
      townBoundary: await townBoundary(home.townId),
      others: await boundariesAround(home),
      limits: neighbourhoodsConfig.drawing,
      map: neighbourhoodsConfig.map,
    }
  }

  async create(ctx: HttpContext) {
    const home = await this.drawingHome(ctx)
    if (!home) return ctx.response.redirect().toRoute('neighbourhoods.home')
    return ctx.view.render(CREATE_VIEW, await this.createState(home))
  }

  async store(ctx: HttpContext) {
    const home = await this.drawingHome(ctx)
    if (!home) return ctx.response.redirect().toRoute('neighbourhoods.home')
    const state = await this.createState(home)
    const data = await validateForm(ctx, createNeighbourhoodValidator, CREATE_VIEW, state)

    const check = await checkBoundary(data.boundary, { townId: home.townId, home })
    if (!check.ok) {
      throw new FormError({
        view: CREATE_VIEW,
        state: { ...state, suggestion: check.suggestion ?? null },
        fieldErrors: { boundary: [refusalMessage(ctx, check)] },
      })
    }
    const created = await this.createNeighbourhood.execute({
      userId: ctx.auth.getUserOrFail().id,
      townId: home.townId,
      townName: state.townName ?? '',
      name: data.name,
      geometry: check.geometry,
    })
    ctx.session.flash(
      'success',
      check.clippedToTown ? 'neighbourhood_created_clipped' : 'neighbourhood_created'
    )
    return ctx.response.redirect().toRoute('neighbourhoods.show', { slug: created.slug })
  }

  async show(ctx: HttpContext) {
    const neighbourhood = await neighbourhoodBySlug(ctx.params.slug)
    if (!neighbourhood) pageNotFound()
    const viewer = ctx.auth.user
    const [nearby, history, others, home] = await Promise.all([
      nearbyOf(neighbourhood.id),
      boundaryHistory(neighbourhood.id),
      boundariesAround(neighbourhood.center, { exceptId: neighbourhood.id }),
      viewer ? residentHome(viewer.id) : null,
    ])
    const people = history.flatMap((revision) => [revision.authorId, revision.reviewedById])
    const names = await accounts.displayNames(people.filter((id): id is number => id !== null))
    const policy = ctx.bouncer.with(NeighbourhoodPolicy)
    return ctx.view.render('neighbourhoods::pages/show', {
      neighbourhood,
      nearby,
      history,
      names,
      others,
      isHome: home?.neighbourhoodId === neighbourhood.id,
      home,
      threshold: neighbourhoodsConfig.openThreshold,
      canPropose: viewer ? await policy.allows('proposeBoundary', neighbourhood) : false,
      canReview: viewer ? await policy.allows('reviewBoundary', neighbourhood) : false,
      map: neighbourhoodsConfig.map,
    })
  }
}
