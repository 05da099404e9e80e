import { DateTime } from 'luxon'
import type { KitOrderStatus } from '#modules/neighbourhoods/models/ambassador_kit_order'

/**
 * Rules of the super voisin programme, in one place (pages show them, the
 * validators and the actions enforce them, the migration repeats the caps
 * as CHECK constraints).
 */
export const ambassadorSettings = {
  /** After a refusal, a resident may apply again this many days later. */
  reapplyAfterDays: 30,
  motivation: { min: 20, max: 2000 },
  decisionNoteMax: 1000,
  /**
   * Most of each item per order: a street or two of letterboxes, stickers
   * for the shops and halls that agree, posters for a few notice boards.
   */
  kitCaps: { flyers: 500, stickers: 200, posters: 50 },
  deliveryNoteMax: 500,
} as const

export type KitItem = keyof typeof ambassadorSettings.kitCaps
export const KIT_ITEMS: readonly KitItem[] = ['flyers', 'stickers', 'posters']

export type KitActor = 'owner' | 'operator'

/**
 * A kit order only moves forward: requested -> approved -> shipped, by an
 * operator. It can be cancelled while not shipped: by its super voisin
 * while still requested, by an operator until shipping. Shipped and
 * cancelled are final.
 */
export function mayMoveKitOrder(from: KitOrderStatus, to: KitOrderStatus, actor: KitActor) {
  if (from === 'requested' && to === 'approved') return actor === 'operator'
  if (from === 'approved' && to === 'shipped') return actor === 'operator'
  if (from === 'requested' && to === 'cancelled') return true
  if (from === 'approved' && to === 'cancelled') return actor === 'operator'
  return false
}

/** The moves offered on a page for an order in `status`. */
export function kitOrderMoves(status: KitOrderStatus, actor: KitActor): KitOrderStatus[] {
  return (['approved', 'shipped', 'cancelled'] as const).filter((to) =>
    mayMoveKitOrder(status, to, actor)
  )
}

/** The first day a resident refused on `refusedAt` may apply again. */
export function reapplyDate(refusedAt: Date): Date {
  return DateTime.fromJSDate(refusedAt)
    .plus({ days: ambassadorSettings.reapplyAfterDays })
    .toJSDate()
}
