import GroupBuy from '#modules/group_buys/models/group_buy'
import { mayView } from '#modules/group_buys/queries/campaign_access'
import { groupBuyPath } from '#modules/group_buys/services/links'

/**
 * Open campaigns naming a shop as supplier that this viewer may see (the
 * scope rule of each campaign, as on its page: a neighbourhood-scoped
 * campaign's title never reaches another neighbourhood through the
 * storefront), soonest deadline first.
 */
export async function openGroupBuysOfShop(
  shopId: number,
  viewerId: number,
  limit = 10
): Promise<{ id: number; title: string; deadline: Date; path: string }[]> {
  const candidates = await GroupBuy.query()
    .where({ supplier_shop_id: shopId, status: 'open' })
    .where('deadline', '>', new Date())
    .whereNull('hidden_at')
    .orderBy('deadline')
    .orderBy('id')
    .limit(limit * 3)
  const visible: GroupBuy[] = []
  for (const groupBuy of candidates) {
    if (visible.length === limit) break
    if (await mayView(groupBuy, viewerId)) visible.push(groupBuy)
  }
  return visible.map((groupBuy) => ({
    id: Number(groupBuy.id),
    title: groupBuy.title,
    deadline: groupBuy.deadline.toJSDate(),
    path: groupBuyPath(Number(groupBuy.id)),
  }))
}
