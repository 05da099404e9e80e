import type { HttpContext } from '@adonisjs/core/http'
import { visibleCampaign } from '#modules/group_buys/queries/campaign_access'
import { campaignPageState } from '#modules/group_buys/queries/campaign_page'

export const SHOW_VIEW = 'group_buys::pages/show'

/** The campaign page as the viewer sees it, to show again with a refusal. */
export async function showPage(ctx: HttpContext, groupBuyId: number) {
  const userId = Number(ctx.auth.getUserOrFail().id)
  const groupBuy = await visibleCampaign(groupBuyId, userId)
  return {
    view: SHOW_VIEW,
    state: (await campaignPageState(groupBuy, userId, ctx.i18n.locale)) as unknown as Record<
      string,
      unknown
    >,
  }
}
