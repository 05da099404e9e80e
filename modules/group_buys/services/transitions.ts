import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { lockCampaign } from '#modules/group_buys/queries/campaign_access'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { mayMove, type GroupBuyStatus } from '#modules/group_buys/services/settings'

/** The timestamp column each state records its arrival in. */
const STAMPS: Partial<Record<GroupBuyStatus, keyof GroupBuy>> = {
  closed: 'closedAt',
  confirmed: 'confirmedAt',
  delivered: 'deliveredAt',
  completed: 'completedAt',
  failed: 'failedAt',
  cancelled: 'cancelledAt',
}

/** Refuses a step the state machine does not allow (a 409 naming both states). */
export function assertMove(groupBuy: GroupBuy, to: GroupBuyStatus): void {
  if (!mayMove(groupBuy.status, to)) {
    throw new GroupBuyRefusal('illegal_transition', 409, { from: groupBuy.status, to })
  }
}

/** Sets the new state and its timestamp on a locked campaign (saved by the caller). */
export function stamp(groupBuy: GroupBuy, to: GroupBuyStatus, now: Date): void {
  groupBuy.status = to
  const column = STAMPS[to]
  if (column) groupBuy.merge({ [column]: DateTime.fromJSDate(now) })
}

/**
 * The organiser's step on their campaign: locked, theirs, allowed from
 * its current state; `change` adds what the step writes besides.
 */
export async function organiserMove(
  trx: TransactionClientContract,
  userId: number,
  groupBuyId: number,
  to: GroupBuyStatus,
  change: (groupBuy: GroupBuy, now: Date) => void = () => {}
): Promise<{ groupBuy: GroupBuy; from: GroupBuyStatus }> {
  const groupBuy = await lockCampaign(trx, groupBuyId)
  if (groupBuy.organiserId !== userId) throw new GroupBuyRefusal('not_organiser', 403)
  return moveLocked(trx, groupBuy, to, change)
}

/**
 * A step on a campaign whose row the caller has locked (whoever asks for
 * it: the organiser, or their departure): allowed from its current
 * state, stamped and saved; `change` adds what the step writes besides.
 */
export async function moveLocked(
  trx: TransactionClientContract,
  groupBuy: GroupBuy,
  to: GroupBuyStatus,
  change: (groupBuy: GroupBuy, now: Date) => void = () => {}
): Promise<{ groupBuy: GroupBuy; from: GroupBuyStatus }> {
  assertMove(groupBuy, to)
  const from = groupBuy.status
  const now = new Date()
  change(groupBuy, now)
  stamp(groupBuy, to, now)
  await groupBuy.useTransaction(trx).save()
  return { groupBuy, from }
}
