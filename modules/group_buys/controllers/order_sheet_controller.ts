import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import {
  orderSheet,
  organisedCampaign,
  SHEET_STATUSES,
  type OrderSheet,
} from '#modules/group_buys/queries/order_sheet'
import { CSV_SEPARATOR, toCsv } from '#modules/group_buys/services/order_sheet_csv'
import { refusalFor } from '#modules/group_buys/services/order_sheet_errors'
import { orNotFound } from '#modules/group_buys/services/order_sheet_http'
import { orderSheetRows } from '#modules/group_buys/services/order_sheet_rows'
import {
  perUnit,
  refusalMessage,
  statusLabel,
  tierLabel,
  windowLabel,
} from '#modules/group_buys/services/order_sheet_text'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { formatCents, formatQuantity } from '#modules/group_buys/services/pricing'
import { idParam } from '#app/http/route_id'

const VIEW = 'group_buys::pages/order_sheet'

/**
 * The supplier's order sheet, from closing on: a printable page and a CSV
 * with each household's quantity, the tier reached, the final unit price
 * and the amounts. Only the organiser (and operators) see it: anyone else
 * gets a 404. Before closing (or for a failed or cancelled campaign): 409
 * with the page saying why.
 */
export default class OrderSheetController {
  async show(ctx: HttpContext) {
    const campaign = await this.campaign(ctx)
    if (!SHEET_STATUSES.includes(campaign.status)) return this.unavailable(ctx, campaign)
    const sheet = await orderSheet(campaign)
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render(VIEW, {
      ...(await this.frame(ctx, campaign)),
      sheet: this.present(ctx, campaign, sheet),
      refusal: null,
    })
  }

  async csv(ctx: HttpContext) {
    const campaign = await this.campaign(ctx)
    if (!SHEET_STATUSES.includes(campaign.status)) return this.unavailable(ctx, campaign)
    const sheet = await orderSheet(campaign)
    const rows = orderSheetRows(ctx.i18n, campaign, sheet, await this.organiserName(campaign))
    return ctx.response
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${ctx.i18n.t('group_buy_sheets.csv.filename', { id: campaign.id })}"`
      )
      .header('cache-control', 'no-store')
      .send(toCsv(rows))
  }

  private campaign(ctx: HttpContext): Promise<GroupBuy> {
    const id = idParam(ctx)
    const viewerId = Number(ctx.auth.getUserOrFail().id)
    return orNotFound(() => organisedCampaign(id, viewerId, { operators: true }))
  }

  /** What the page shows whether or not there is a sheet. */
  private async frame(ctx: HttpContext, campaign: GroupBuy) {
    return {
      campaign,
      campaignPath: groupBuyPath(campaign.id),
      isOrganiser: campaign.organiserId === Number(ctx.auth.getUserOrFail().id),
      organiserName: await this.organiserName(campaign),
      separator: CSV_SEPARATOR,
    }
  }

  private async organiserName(campaign: GroupBuy): Promise<string> {
    const names = await accounts.displayNames([campaign.organiserId])
    return names.get(campaign.organiserId) ?? ''
  }

  /** The page, saying why there is no order sheet (yet), with a 409. */
  private async unavailable(ctx: HttpContext, campaign: GroupBuy) {
    const html = await ctx.view.render(VIEW, {
      ...(await this.frame(ctx, campaign)),
      sheet: null,
      refusal: refusalMessage(ctx.i18n, refusalFor('sheet', campaign.status)),
    })
    return ctx.response.status(409).header('content-type', 'text/html; charset=utf-8').send(html)
  }

  /** Everything the page shows, written out in the reader's language. */
  private present(ctx: HttpContext, campaign: GroupBuy, sheet: OrderSheet) {
    const { locale } = ctx.i18n
    const quantity = (milli: number) => formatQuantity(milli, campaign.unit, locale)
    const money = (cents: number) => formatCents(cents, locale)
    return {
      status: statusLabel(ctx.i18n, campaign.status),
      window: windowLabel(ctx.i18n, campaign),
      tier: tierLabel(ctx.i18n, sheet.tier, campaign.unit),
      unitPrice: `${money(sheet.unitPriceCents)} ${perUnit(ctx.i18n, campaign.unit)}`,
      totalQuantity: quantity(sheet.totalMilli),
      totalAmount: money(sheet.totalCents),
      sharesAmount: sheet.sharesCents === sheet.totalCents ? null : money(sheet.sharesCents),
      householdsCount: sheet.households.length,
      participants: sheet.participants,
      households: sheet.households.map((household) => ({
        number: household.number,
        names: household.names,
        street: household.street,
        quantity: quantity(household.quantityMilli),
        amount: money(household.amountCents),
      })),
    }
  }
}
