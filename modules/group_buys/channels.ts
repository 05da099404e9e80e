import { authorizeChannel } from '#app/realtime/channels'
import { mayView } from '#modules/group_buys/queries/campaign_access'
import GroupBuy from '#modules/group_buys/models/group_buy'

/**
 * A campaign's live totals (no names ever go there): whoever may see the
 * campaign's page listens, whatever id a page asks for.
 */
authorizeChannel<{ id: string }>('group_buys/:id', async (ctx, { id }) => {
  if (!ctx.auth.user || !/^\d{1,15}$/.test(id)) return false
  const groupBuy = await GroupBuy.find(Number(id))
  return !!groupBuy && (await mayView(groupBuy, Number(ctx.auth.user.id)))
})
