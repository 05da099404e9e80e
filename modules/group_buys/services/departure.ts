import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import { accounts } from '#modules/accounts/index'
import { notify } from '#modules/notifications/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyPledge from '#modules/group_buys/models/group_buy_pledge'
import { lockCampaign } from '#modules/group_buys/queries/campaign_access'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { announceCancelled } from '#modules/group_buys/services/cancellation'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { broadcastTotals } from '#modules/group_buys/services/live'
import { withdrawPledge } from '#modules/group_buys/services/pledge_withdrawal'
import { formatQuantity } from '#modules/group_buys/services/pricing'
import { mayMove, STATUSES, type GroupBuyStatus } from '#modules/group_buys/services/settings'
import { moveLocked } from '#modules/group_buys/services/transitions'

/** States a campaign may still be cancelled from (a draft up to a confirmed order). */
const CANCELLABLE = STATUSES.filter((status) => mayMove(status, 'cancelled'))

/** States where the order stands with the supplier: pledges are goods someone must collect. */
const ORDERED: readonly GroupBuyStatus[] = ['closed', 'confirmed', 'delivered']

interface LeftPledge {
  campaign: GroupBuy
  quantityMilli: number
}

/**
 * A resident leaves Quartier (account erasure), inside the erasure's
 * transaction, so that nobody waits on an organiser who is gone:
 *
 * 1. Campaigns they organise that may still be cancelled are cancelled
 *    as their own cancel does, with no reason stored: pages and mails
 *    say "the organiser left Quartier" in each reader's language. Those
 *    delivered or over stay as they are.
 * 2. Their pledges on others' campaigns: while pledges are still being
 *    collected (open, before the deadline) they are withdrawn as a
 *    neighbour's own withdrawal is, so the total the organiser orders on
 *    counts only people who will come. Once the order is fixed (closed,
 *    confirmed, delivered) the goods are ordered and priced on that
 *    total: the pledge stays, for the totals and the order sheet
 *    ("former resident"), and the organiser is told that nobody will
 *    come to collect it, so they can offer the share to others.
 *
 * After the commit, open pages get the new totals and people are told.
 */
export async function leaveGroupBuys(
  userId: number,
  trx: TransactionClientContract
): Promise<void> {
  const now = new Date()
  /** Locked in id order, as every pledge and step takes a campaign's lock. */
  const organised = await GroupBuy.query({ client: trx })
    .where('organiserId', userId)
    .whereIn('status', CANCELLABLE)
    .orderBy('id')
    .forUpdate()
  const cancelled: { groupBuy: GroupBuy; from: GroupBuyStatus }[] = []
  for (const campaign of organised) {
    cancelled.push(
      await moveLocked(trx, campaign, 'cancelled', (groupBuy) => {
        groupBuy.cancelReason = null
      })
    )
  }

  const pledged = await trx
    .from('group_buy_pledges as p')
    .join('group_buys as g', 'g.id', 'p.group_buy_id')
    .where('p.user_id', userId)
    .whereNull('p.cancelled_at')
    .whereNull('p.collected_at')
    .whereNot('g.organiser_id', userId)
    .whereIn('g.status', ['open', ...ORDERED])
    .orderBy('g.id')
    .select('g.id')
  const withdrawnFrom: GroupBuy[] = []
  const leftInOrders: LeftPledge[] = []
  for (const row of pledged) {
    const campaign = await lockCampaign(trx, Number(row.id))
    if (campaign.status === 'open' && campaign.deadline.toJSDate() > now) {
      if (await withdrawPledge(trx, campaign, userId, now)) withdrawnFrom.push(campaign)
    } else if (ORDERED.includes(campaign.status)) {
      const pledge = await GroupBuyPledge.query({ client: trx })
        .where({ groupBuyId: campaign.id, userId })
        .whereNull('cancelledAt')
        .whereNull('collectedAt')
        .first()
      if (pledge) leftInOrders.push({ campaign, quantityMilli: pledge.quantityMilli })
    }
    /** Open past its deadline: the deadline job closes it with this pledge, as anyone's. */
  }

  trx.after('commit', async () => {
    for (const { groupBuy, from } of cancelled) {
      await announceCancelled(groupBuy, from, 'cancelled_organiser_left')
    }
    for (const campaign of withdrawnFrom) broadcastTotals(campaign, await tiersOf(campaign.id))
    for (const left of leftInOrders) await tellOrganiser(left)
  })
}

/** The organiser, in their language: a share of their order nobody will collect. */
async function tellOrganiser({ campaign, quantityMilli }: LeftPledge): Promise<void> {
  try {
    const recipient = await accounts.mailRecipientOf(campaign.organiserId)
    if (!recipient) return
    await notify({
      userId: campaign.organiserId,
      type: 'group_buys.updates',
      keys: 'group_buys.mail.organiser_participant_left',
      values: {
        title: campaign.title,
        quantity: formatQuantity(quantityMilli, campaign.unit, recipient.locale),
      },
      path: groupBuyPath(campaign.id),
    })
  } catch (error) {
    logger.error({ err: error, groupBuyId: campaign.id }, 'group buy organiser not told')
  }
}
