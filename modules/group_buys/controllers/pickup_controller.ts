import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { errors as vineErrors } from '@vinejs/vine'
import { pageRefusal } from '#app/forms/page_refusal'
import { accounts } from '#modules/accounts/index'
import TickPickup from '#modules/group_buys/actions/tick_pickup'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import { organisedCampaign } from '#modules/group_buys/queries/order_sheet'
import {
  PICKUP_TICK_STATUSES,
  PICKUP_VIEW_STATUSES,
  pickupList,
} from '#modules/group_buys/queries/pickup_list'
import {
  refusalFor,
  SheetNotFoundError,
  SheetRefusal,
} from '#modules/group_buys/services/order_sheet_errors'
import { orNotFound } from '#modules/group_buys/services/order_sheet_http'
import { perUnit, refusalMessage, statusLabel } from '#modules/group_buys/services/order_sheet_text'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { formatCents, formatQuantity } from '#modules/group_buys/services/pricing'
import { pickupTickValidator } from '#modules/group_buys/validators/pickup_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'group_buys::pages/pickup'

/**
 * The organiser's pickup list: one line per participant with what they
 * owe (their quantity at the final unit price), "collected" and "paid"
 * ticks (each a small form) and running totals. Readable from closing on;
 * ticks only while the order is confirmed or delivered. Only the
 * organiser: anyone else gets a 404. Payment is hand to hand.
 */
export default class PickupController {
  async show(ctx: HttpContext) {
    const campaign = await this.campaign(ctx)
    const state = await this.state(ctx, campaign)
    ctx.response.header('cache-control', 'no-store')
    if (state.list) return ctx.view.render(VIEW, state)
    const html = await ctx.view.render(VIEW, state)
    return ctx.response.status(409).header('content-type', 'text/html; charset=utf-8').send(html)
  }

  async tick(ctx: HttpContext) {
    const campaign = await this.campaign(ctx)
    const pledgeId = idParam(ctx, 'pledgeId')
    let data: { pickup_mark: 'collected' | 'paid'; pickup_done: boolean }
    try {
      data = await pickupTickValidator.validate(ctx.request.all(), {
        messagesProvider: ctx.i18n.createMessagesProvider(),
      })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      const messages = (error.messages as { message: string }[]).map((item) => item.message)
      throw pageRefusal({
        view: VIEW,
        state: await this.state(ctx, campaign),
        status: 422,
        message: [...new Set(messages)].join(' '),
      })
    }
    let userId: number
    try {
      ;({ userId } = await new TickPickup().execute({
        organiserId: campaign.organiserId,
        groupBuyId: campaign.id,
        pledgeId,
        mark: data.pickup_mark,
        done: data.pickup_done,
      }))
    } catch (error) {
      if (error instanceof SheetNotFoundError) pageNotFound()
      if (!(error instanceof SheetRefusal)) throw error
      const fresh = await this.campaign(ctx)
      throw pageRefusal({
        view: VIEW,
        state: await this.state(ctx, fresh),
        status: error.status,
        message: refusalMessage(ctx.i18n, error),
      })
    }
    const names = await accounts.displayNames([userId])
    const name = names.get(userId) ?? ''
    const flash = `${data.pickup_done ? '' : 'un'}${data.pickup_mark}`
    ctx.session.flash('success', { key: `group_buy_sheets.flash.${flash}`, name })
    return ctx.response.redirect(
      `${urlFor('group_buys.pickup.show', { id: campaign.id })}#pledge-${pledgeId}`
    )
  }

  private campaign(ctx: HttpContext): Promise<GroupBuy> {
    const id = idParam(ctx)
    const viewerId = Number(ctx.auth.getUserOrFail().id)
    return orNotFound(() => organisedCampaign(id, viewerId))
  }

  /** The page: the list written out, or (before closing, or never) why there is none. */
  private async state(ctx: HttpContext, campaign: GroupBuy) {
    const base = {
      campaign,
      campaignPath: groupBuyPath(campaign.id),
      status: statusLabel(ctx.i18n, campaign.status),
    }
    if (!PICKUP_VIEW_STATUSES.includes(campaign.status)) {
      return {
        ...base,
        list: null,
        ticking: false,
        refusal: refusalMessage(ctx.i18n, refusalFor('pickup', campaign.status)),
      }
    }
    const { locale } = ctx.i18n
    const money = (cents: number) => formatCents(cents, locale)
    const list = await pickupList(campaign)
    return {
      ...base,
      refusal: null,
      ticking: PICKUP_TICK_STATUSES.includes(campaign.status),
      list: {
        unitPrice: `${money(list.unitPriceCents)} ${perUnit(ctx.i18n, campaign.unit)}`,
        totals: {
          ...list.totals,
          owed: money(list.totals.owedCents),
          paidAmount: money(list.totals.paidCents),
        },
        lines: list.lines.map((line) => ({
          pledgeId: line.pledgeId,
          name: line.name,
          street: line.street,
          quantity: formatQuantity(line.quantityMilli, campaign.unit, locale),
          owed: money(line.owedCents),
          collected: line.collectedAt !== null,
          paid: line.paidAt !== null,
        })),
      },
    }
  }
}
