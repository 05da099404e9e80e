import type { GroupBuyStatus } from '#modules/group_buys/services/settings'

/**
 * Refusals of the order sheet and the pickup list, all 409 (the
 * campaign's state does not allow it, yet or any more). Controllers
 * translate `reason` (a key under group_buy_sheets.errors) with the
 * campaign's status named.
 */
export type SheetRefusalReason =
  'sheet_not_yet' | 'pickup_not_yet' | 'tick_not_yet' | 'tick_closed' | 'nothing_ordered'

export class SheetRefusal extends Error {
  status = 409 as const

  constructor(
    public reason: SheetRefusalReason,
    public campaignStatus: GroupBuyStatus
  ) {
    super(`order sheet refused: ${reason}`)
  }
}

/**
 * Why `what` is refused in `status` (only called for a status that does
 * not allow it): not yet, no more, or never (failed or cancelled).
 */
export function refusalFor(
  what: 'sheet' | 'pickup' | 'tick',
  status: GroupBuyStatus
): SheetRefusal {
  if (status === 'failed' || status === 'cancelled') {
    return new SheetRefusal('nothing_ordered', status)
  }
  if (what === 'tick' && status === 'completed') return new SheetRefusal('tick_closed', status)
  return new SheetRefusal(`${what}_not_yet`, status)
}

/**
 * Unknown campaign or pledge, or one the viewer does not organise: a 404,
 * so that another neighbourhood's campaigns do not leak.
 */
export class SheetNotFoundError extends Error {}
