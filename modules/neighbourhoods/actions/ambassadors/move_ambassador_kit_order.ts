import { notifyResident } from '#modules/neighbourhoods/services/ambassadors/notify'
import db from '@adonisjs/lucid/services/db'
import KitOrder, { type KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'
import KitOrderEvent from '#modules/neighbourhoods/models/ambassador_kit_order_event'
import {
  KitOrderNotFoundError,
  KitTransitionError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import { kitOrderUrl } from '#modules/neighbourhoods/services/ambassadors/links'
import {
  mayMoveKitOrder,
  type KitActor,
} from '#modules/neighbourhoods/services/ambassadors/settings'

export type MoveOutcome = 'moved' | 'unchanged'

/**
 * Moves a kit order to its next status (see mayMoveKitOrder): forward
 * only, never skipping a step, cancelled only before shipping. The change
 * and its history line are written together, under a row lock, so two
 * operators clicking at once make one change. Asking for the status the
 * order already has changes nothing. Shipping (and an operator's
 * cancellation) is mailed to the super voisin once committed.
 *
 * A resident (`owner`) only reaches their own orders: someone else's is
 * "not found", whatever its id.
 */
export default class MoveAmbassadorKitOrder {
  async execute(
    orderId: number,
    to: KitOrderStatus,
    actor: { id: number; as: KitActor }
  ): Promise<MoveOutcome> {
    const result = await db.transaction(async (trx) => {
      const query = KitOrder.query({ client: trx }).where('id', orderId).forUpdate()
      if (actor.as === 'owner') query.where('user_id', actor.id)
      const order = await query.first()
      if (!order) throw new KitOrderNotFoundError()
      if (order.status === to) return { outcome: 'unchanged' as const, order }
      const from = order.status
      if (!mayMoveKitOrder(from, to, actor.as)) throw new KitTransitionError(from, to)

      order.status = to
      await order.save()
      await KitOrderEvent.create(
        { kitOrderId: order.id, fromStatus: from, toStatus: to, actorId: actor.id },
        { client: trx }
      )
      return { outcome: 'moved' as const, order }
    })

    const { order } = result
    const tellOwner =
      order.status === 'shipped' || (order.status === 'cancelled' && actor.as === 'operator')
    if (result.outcome === 'moved' && tellOwner) await this.notify(order)
    return result.outcome
  }

  private notify(order: KitOrder) {
    return notifyResident(
      {
        userId: order.userId,
        neighbourhoodId: order.neighbourhoodId,
        logContext: { kitOrderId: order.id },
      },
      order.status === 'shipped' ? 'kit_shipped' : 'kit_cancelled',
      { url: kitOrderUrl(order.id), orderNumber: order.id }
    )
  }
}
