import { inject } from '@adonisjs/core'
import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import MoveAmbassadorKitOrder from '#modules/neighbourhoods/actions/ambassadors/move_ambassador_kit_order'
import {
  KIT_ORDER_STATUSES,
  type KitOrderStatus,
} from '#modules/neighbourhoods/models/ambassador_kit_order'
import AmbassadorPolicy from '#modules/neighbourhoods/policies/ambassador_policy'
import { kitOrderCounts, kitOrdersInStatus } from '#modules/neighbourhoods/queries/ambassadors'
import {
  KitOrderNotFoundError,
  KitTransitionError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import {
  flashNotice,
  namesById,
  pageRefusal,
  viewerId,
} from '#modules/neighbourhoods/services/ambassadors/pages'
import { KIT_ITEMS, kitOrderMoves } from '#modules/neighbourhoods/services/ambassadors/settings'
import { kitListQueryValidator } from '#modules/neighbourhoods/validators/ambassador_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'neighbourhoods::pages/ambassadors/review_kits'

/** The URL's word for each move, and the status it leads to. */
const MOVES: Record<string, KitOrderStatus> = {
  approve: 'approved',
  ship: 'shipped',
  cancel: 'cancelled',
}

/**
 * Back office (operators only): kit orders by status with their delivery
 * address, moved forward one step at a time (requested -> approved ->
 * shipped) or cancelled before shipping.
 */
@inject()
export default class AmbassadorKitOrdersReviewController {
  constructor(private moves: MoveAmbassadorKitOrder) {}

  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('review')
    let status: KitOrderStatus = 'requested'
    try {
      const query = await kitListQueryValidator.validate(ctx.request.qs())
      status = query.status ?? 'requested'
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return ctx.response.redirect().toRoute('operators.ambassadors.kits.index')
    }
    return ctx.view.render(VIEW, await this.pageState(status))
  }

  async move(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('review')
    const operatorId = viewerId(ctx)
    const id = idParam(ctx)
    const to = MOVES[ctx.params.move as string]
    try {
      const outcome = await this.moves.execute(id, to, { id: operatorId, as: 'operator' })
      flashNotice(ctx, outcome === 'moved' ? `kit_${to}` : 'kit_unchanged', { number: id })
    } catch (error) {
      if (error instanceof KitOrderNotFoundError) {
        return pageNotFound()
      }
      if (error instanceof KitTransitionError) {
        throw pageRefusal({
          view: VIEW,
          state: await this.pageState(error.from),
          status: 409,
          message: ctx.i18n.t('ambassadors.errors.kit_transition', {
            number: id,
            from: ctx.i18n.t(`ambassadors.kit_status.${error.from}`),
            to: ctx.i18n.t(`ambassadors.kit_status.${error.to}`),
          }),
        })
      }
      throw error
    }
    const back = to === 'approved' ? 'requested' : to === 'shipped' ? 'approved' : undefined
    return ctx.response
      .redirect()
      .toRoute('operators.ambassadors.kits.index', {}, back ? { qs: { status: back } } : {})
  }

  private async pageState(status: KitOrderStatus) {
    const [orders, counts] = await Promise.all([kitOrdersInStatus(status), kitOrderCounts()])
    const names = await namesById([
      ...orders.map((order) => order.userId),
      ...orders.flatMap((order) =>
        order.history.flatMap((step) => (step.actorId ? [step.actorId] : []))
      ),
    ])
    return {
      status,
      statuses: KIT_ORDER_STATUSES,
      orders: orders.map((order) => ({ ...order, moves: kitOrderMoves(order.status, 'operator') })),
      counts,
      names,
      items: KIT_ITEMS,
    }
  }
}
