import db from '@adonisjs/lucid/services/db'
import KitOrder from '#modules/neighbourhoods/models/ambassador_kit_order'
import KitOrderEvent from '#modules/neighbourhoods/models/ambassador_kit_order_event'
import {
  ambassadorHome,
  hasOpenKitOrder,
  isSuperVoisinIn,
} from '#modules/neighbourhoods/queries/ambassadors'
import {
  EmptyKitError,
  NotSuperVoisinError,
  OrderInProgressError,
  isUniqueViolation,
} from '#modules/neighbourhoods/services/ambassadors/errors'

export interface KitOrderInput {
  flyers?: number
  stickers?: number
  posters?: number
  delivery_name: string
  delivery_street: string
  delivery_postcode: string
  delivery_town: string
  delivery_note?: string
}

/**
 * A super voisin orders a promotion kit for their own neighbourhood: at
 * least one item, one order in progress at a time. The order and the
 * first line of its history are written together.
 */
export default class OrderAmbassadorKit {
  async execute(userId: number, input: KitOrderInput): Promise<KitOrder> {
    const flyers = input.flyers ?? 0
    const stickers = input.stickers ?? 0
    const posters = input.posters ?? 0
    if (flyers + stickers + posters <= 0) throw new EmptyKitError()
    try {
      return await db.transaction(async (trx) => {
        const home = await ambassadorHome(userId, { client: trx, lock: true })
        if (!home || !(await isSuperVoisinIn(userId, home.neighbourhoodId, trx))) {
          throw new NotSuperVoisinError()
        }
        if (await hasOpenKitOrder(userId, trx)) throw new OrderInProgressError()
        const order = await KitOrder.create(
          {
            userId,
            neighbourhoodId: home.neighbourhoodId,
            flyers,
            stickers,
            posters,
            deliveryName: input.delivery_name,
            deliveryStreet: input.delivery_street,
            deliveryPostcode: input.delivery_postcode,
            deliveryTown: input.delivery_town,
            deliveryNote: input.delivery_note || null,
            status: 'requested',
          },
          { client: trx }
        )
        await KitOrderEvent.create(
          { kitOrderId: order.id, fromStatus: null, toStatus: 'requested', actorId: userId },
          { client: trx }
        )
        return order
      })
    } catch (error) {
      if (isUniqueViolation(error, 'kit_orders_one_open')) throw new OrderInProgressError()
      throw error
    }
  }
}
