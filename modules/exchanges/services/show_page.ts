import type { HttpContext } from '@adonisjs/core/http'
import { visibleExchange } from '#modules/exchanges/queries/exchange_access'
import { exchangePageState } from '#modules/exchanges/queries/exchange_page'

export const SHOW_VIEW = 'exchanges::pages/show'

/** The exchange page as the viewer sees it, to show again with a refusal. */
export async function showPage(ctx: HttpContext, exchangeId: number) {
  const userId = Number(ctx.auth.getUserOrFail().id)
  const exchange = await visibleExchange(exchangeId, userId)
  return {
    view: SHOW_VIEW,
    state: (await exchangePageState(exchange, userId, ctx.i18n.locale)) as unknown as Record<
      string,
      unknown
    >,
  }
}
