/**
 * The vocabulary of group buys: units, states and the transitions the
 * state machine allows (anything else is refused).
 */
export const UNITS = ['kg', 'litre', 'bag', 'pallet', 'stere', 'piece', 'tonne', 'm3'] as const
export type Unit = (typeof UNITS)[number]

export const FULFILMENTS = ['pickup', 'delivery'] as const
export type Fulfilment = (typeof FULFILMENTS)[number]

export const STATUSES = [
  'draft',
  'open',
  'closed',
  'confirmed',
  'delivered',
  'completed',
  'failed',
  'cancelled',
] as const
export type GroupBuyStatus = (typeof STATUSES)[number]

/** From -> allowed next states. closed/failed come from the deadline job only. */
export const TRANSITIONS: Record<GroupBuyStatus, readonly GroupBuyStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'failed', 'cancelled'],
  closed: ['confirmed', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: ['completed'],
  completed: [],
  failed: [],
  cancelled: [],
}

export function mayMove(from: GroupBuyStatus, to: GroupBuyStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Quantities are stored in thousandths of a unit. */
export const MILLI = 1000
