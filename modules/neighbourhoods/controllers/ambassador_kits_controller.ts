import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import MoveAmbassadorKitOrder from '#modules/neighbourhoods/actions/ambassadors/move_ambassador_kit_order'
import OrderAmbassadorKit from '#modules/neighbourhoods/actions/ambassadors/order_ambassador_kit'
import AmbassadorPolicy from '#modules/neighbourhoods/policies/ambassador_policy'
import {
  ambassadorHome,
  hasOpenKitOrder,
  kitOrderOf,
} from '#modules/neighbourhoods/queries/ambassadors'
import {
  EmptyKitError,
  KitOrderNotFoundError,
  KitTransitionError,
  NotSuperVoisinError,
  OrderInProgressError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import {
  flashNotice,
  pageRefusal,
  viewerId,
} from '#modules/neighbourhoods/services/ambassadors/pages'
import {
  KIT_ITEMS,
  ambassadorSettings,
  kitOrderMoves,
} from '#modules/neighbourhoods/services/ambassadors/settings'
import { kitOrderValidator } from '#modules/neighbourhoods/validators/ambassador_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const NEW_VIEW = 'neighbourhoods::pages/ambassadors/kit_new'
const SHOW_VIEW = 'neighbourhoods::pages/ambassadors/kit_show'

/**
 * A super voisin's promotion kits: the order form (super voisins of their
 * own neighbourhood only), one order's page and its cancellation while it
 * is still requested. A resident reaches only their own orders: anyone
 * else's answers 404, whatever the id.
 */
@inject()
export default class AmbassadorKitsController {
  constructor(
    private order: OrderAmbassadorKit,
    private move: MoveAmbassadorKitOrder
  ) {}

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('orderKit')
    return ctx.view.render(NEW_VIEW, await this.formState(ctx))
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('orderKit')
    const state = await this.formState(ctx)
    if (state.openOrder) throw this.refusal(ctx, new OrderInProgressError(), state)
    const data = await validateForm(ctx, kitOrderValidator, NEW_VIEW, state)
    try {
      const order = await this.order.execute(viewerId(ctx), data)
      flashNotice(ctx, 'kit_ordered', { number: order.id })
      return ctx.response.redirect().toRoute('neighbourhoods.ambassadors.kits.show', {
        id: order.id,
      })
    } catch (error) {
      throw this.refusal(ctx, error, state)
    }
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(SHOW_VIEW, await this.orderState(ctx))
  }

  async cancel(ctx: HttpContext) {
    const id = idParam(ctx)
    try {
      const outcome = await this.move.execute(id, 'cancelled', { id: viewerId(ctx), as: 'owner' })
      flashNotice(ctx, outcome === 'moved' ? 'kit_cancelled' : 'kit_unchanged', { number: id })
    } catch (error) {
      if (error instanceof KitOrderNotFoundError) return pageNotFound()
      if (error instanceof KitTransitionError) {
        throw pageRefusal({
          view: SHOW_VIEW,
          state: await this.orderState(ctx),
          status: 409,
          message: ctx.i18n.t('ambassadors.errors.kit_not_cancellable', {
            status: ctx.i18n.t(`ambassadors.kit_status.${error.from}`),
          }),
        })
      }
      throw error
    }
    return ctx.response.redirect().toRoute('neighbourhoods.ambassadors.kits.show', { id })
  }

  private async formState(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const userId = viewerId(ctx)
    const [home, openOrder] = await Promise.all([ambassadorHome(userId), hasOpenKitOrder(userId)])
    return {
      home,
      openOrder,
      items: KIT_ITEMS,
      caps: ambassadorSettings.kitCaps,
      defaultName: user.displayName,
    }
  }

  private async orderState(ctx: HttpContext) {
    const order = await kitOrderOf(viewerId(ctx), idParam(ctx))
    if (!order) return pageNotFound()
    return { order, items: KIT_ITEMS, moves: kitOrderMoves(order.status, 'owner') }
  }

  private refusal(ctx: HttpContext, error: unknown, state: Record<string, unknown>): unknown {
    const t = (key: string) => ctx.i18n.t(`ambassadors.errors.${key}`)
    if (error instanceof EmptyKitError) {
      return pageRefusal({
        view: NEW_VIEW,
        state,
        status: 422,
        fieldErrors: { flyers: [t('kit_empty')] },
      })
    }
    if (error instanceof OrderInProgressError) {
      return pageRefusal({ view: NEW_VIEW, state, status: 409, message: t('kit_in_progress') })
    }
    if (error instanceof NotSuperVoisinError) {
      return pageRefusal({ view: NEW_VIEW, state, status: 403, message: t('not_super_voisin') })
    }
    return error
  }
}
