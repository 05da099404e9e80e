import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { announceFeedItem } from '#modules/feed/index'
import { authorizeTrust } from '#modules/verification/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { organiserMove } from '#modules/group_buys/services/transitions'

/**
 * The organiser opens their draft: neighbours in its scope see it in the
 * feed and may pledge until the deadline (which must still be ahead).
 * The feed is told after the commit.
 */
export default class OpenCampaign {
  async execute(userId: number, groupBuyId: number): Promise<GroupBuy> {
    await authorizeTrust(userId, 'post')
    const { groupBuy } = await db.transaction((trx) =>
      organiserMove(trx, userId, groupBuyId, 'open', (campaign, now) => {
        if (campaign.deadline.toJSDate() <= now) {
          throw new GroupBuyRefusal('deadline_passed_open', 409)
        }
        campaign.publishedAt = DateTime.fromJSDate(now)
      })
    )
    await announceFeedItem({
      source: 'group_buys',
      neighbourhoodId: groupBuy.neighbourhoodId,
      scope: groupBuy.scope,
    })
    return groupBuy
  }
}
