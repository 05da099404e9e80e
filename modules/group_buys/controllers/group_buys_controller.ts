import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import { checkBeforePublishing } from '#modules/moderation/index'
import CreateCampaign from '#modules/group_buys/actions/create_campaign'
import UpdateCampaign from '#modules/group_buys/actions/update_campaign'
import { organisedCampaign, visibleCampaign } from '#modules/group_buys/queries/campaign_access'
import { campaignPageState, progressState } from '#modules/group_buys/queries/campaign_page'
import { myGroupBuys } from '#modules/group_buys/queries/my_group_buys'
import { tiersOf } from '#modules/group_buys/queries/tiers'
import { readCampaignForm } from '#modules/group_buys/services/campaign_form'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import {
  FORM_VIEW,
  defaultValues,
  formState,
  valuesOf,
} from '#modules/group_buys/services/form_state'
import { groupBuyPath } from '#modules/group_buys/services/links'
import { groupBuyRefusal } from '#modules/group_buys/services/refusals'
import { SHOW_VIEW, showPage } from '#modules/group_buys/services/show_page'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const MINE_VIEW = 'group_buys::pages/mine'
const PROGRESS_VIEW = 'group_buys::components/progress'

/**
 * Writing, reading and editing campaigns. A refused form comes back with
 * its messages and what was typed; nothing is written.
 */
export default class GroupBuysController {
  async create(ctx: HttpContext) {
    return ctx.view.render(FORM_VIEW, await formState(ctx, { values: defaultValues() }))
  }

  async store(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const state = () => formState(ctx, { values: defaultValues() })
    const page = async () => ({ view: FORM_VIEW, state: await state() })
    let groupBuyId: number
    try {
      const { input, fieldErrors } = await readCampaignForm(ctx.request.all(), ctx.i18n)
      if (!input) throw new FormError({ view: FORM_VIEW, state: await state(), fieldErrors })
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'group_buy',
        texts: [
          input.title,
          input.product,
          input.description,
          input.supplierName,
          input.supplierContact,
          input.placeLabel,
        ],
        page,
      })
      const groupBuy = await new CreateCampaign().execute(userId, input)
      groupBuyId = groupBuy.id
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, page)
    }
    ctx.session.flash('success', 'group_buys.flash.drafted')
    return ctx.response.redirect(groupBuyPath(groupBuyId))
  }

  async show(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const groupBuy = await visibleCampaign(id, userId)
      return ctx.view.render(SHOW_VIEW, await campaignPageState(groupBuy, userId, ctx.i18n.locale))
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, async () => pageNotFound())
    }
  }

  /** The progress panel alone, for the page's live updates (same access as the page). */
  async progress(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const groupBuy = await visibleCampaign(id, userId)
      ctx.response.header('Cache-Control', 'no-store')
      return ctx.view.render(PROGRESS_VIEW, await progressState(groupBuy, userId, ctx.i18n.locale))
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, async () => pageNotFound())
    }
  }

  async edit(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const groupBuy = await organisedCampaign(id, userId)
      if (groupBuy.status !== 'draft') throw new GroupBuyRefusal('not_editable', 409)
      return ctx.view.render(FORM_VIEW, await this.editState(ctx, id))
    } catch (error) {
      throw await groupBuyRefusal(ctx, error, () => showPage(ctx, id))
    }
  }

  async update(ctx: HttpContext) {
    const userId = this.userId(ctx)
    const id = idParam(ctx)
    try {
      const groupBuy = await organisedCampaign(id, userId)
      if (groupBuy.status !== 'draft') throw new GroupBuyRefusal('not_editable', 409)
      const { input, fieldErrors } = await readCampaignForm(ctx.request.all(), ctx.i18n)
      if (!input) {
        throw new FormError({ view: FORM_VIEW, state: await this.editState(ctx, id), fieldErrors })
      }
      await checkBeforePublishing(ctx, {
        userId,
        kind: 'group_buy',
        edit: true,
        texts: [
          input.title,
          input.product,
          input.description,
          input.supplierName,
          input.supplierContact,
          input.placeLabel,
        ],
        page: async () => ({ view: FORM_VIEW, state: await this.editState(ctx, id) }),
      })
      await new UpdateCampaign().execute(userId, id, input)
    } catch (error) {
      /** A refusal about a field (the supplier shop) comes back on the form, beside it. */
      const onForm = error instanceof GroupBuyRefusal && error.field !== undefined
      throw await groupBuyRefusal(ctx, error, async () =>
        onForm ? { view: FORM_VIEW, state: await this.editState(ctx, id) } : showPage(ctx, id)
      )
    }
    ctx.session.flash('success', 'group_buys.flash.updated')
    return ctx.response.redirect(groupBuyPath(id))
  }

  async mine(ctx: HttpContext) {
    const userId = this.userId(ctx)
    return ctx.view.render(MINE_VIEW, await myGroupBuys(userId, ctx.i18n.locale))
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async editState(ctx: HttpContext, id: number) {
    const groupBuy = await organisedCampaign(id, this.userId(ctx))
    const tiers = await tiersOf(id)
    return formState(ctx, { values: valuesOf(groupBuy, tiers, ctx.i18n.locale), groupBuy })
  }
}
