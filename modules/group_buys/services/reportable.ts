import type { Reportable, ReportedContent } from '#modules/moderation/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import { mayView } from '#modules/group_buys/queries/campaign_access'
import { groupBuyPath } from '#modules/group_buys/services/links'

function reported(groupBuy: GroupBuy): ReportedContent {
  return {
    authorId: groupBuy.organiserId,
    neighbourhoodId: groupBuy.neighbourhoodId,
    excerpt: `${groupBuy.title}\n${groupBuy.description}`.slice(0, 600),
    path: groupBuyPath(groupBuy.id),
    hidden: groupBuy.hiddenAt !== null,
  }
}

/**
 * Group buys as moderation sees them. Removing one cancels it and keeps
 * it hidden for good: pledgers keep the record of what they pledged.
 */
export const groupBuyReportable: Reportable = {
  kind: 'group_buy',

  async locate(id, viewerId) {
    const groupBuy = await GroupBuy.find(id)
    if (!groupBuy || !(await mayView(groupBuy, viewerId))) return null
    return reported(groupBuy)
  },

  async find(id, trx) {
    const groupBuy = await GroupBuy.find(id, trx ? { client: trx } : undefined)
    return groupBuy ? reported(groupBuy) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('group_buys')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null, updated_at: new Date() })
  },

  async remove(id, trx) {
    const now = new Date()
    await trx
      .from('group_buys')
      .where('id', id)
      .update({
        status: 'cancelled',
        cancelled_at: trx.raw('COALESCE(cancelled_at, ?)', [now]),
        hidden_at: trx.raw('COALESCE(hidden_at, ?)', [now]),
        updated_at: now,
      })
  },
}
