import db from '@adonisjs/lucid/services/db'
import { authorizeTrust } from '#modules/verification/index'
import { lockCampaign } from '#modules/group_buys/queries/campaign_access'
import type { CampaignInput } from '#modules/group_buys/services/campaign_form'
import { campaignColumns, saveTiers } from '#modules/group_buys/services/campaign_rows'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { assertSupplierShop } from '#modules/group_buys/services/supplier_shop'

/**
 * The organiser edits their draft. Once open, neighbours have pledged on
 * its prices and limits: it no longer changes (cancel and start again).
 */
export default class UpdateCampaign {
  async execute(userId: number, groupBuyId: number, input: CampaignInput): Promise<void> {
    await authorizeTrust(userId, 'post')
    await assertSupplierShop(userId, input.supplierShopId ?? null)
    await db.transaction(async (trx) => {
      const groupBuy = await lockCampaign(trx, groupBuyId)
      if (groupBuy.organiserId !== userId) throw new GroupBuyRefusal('not_organiser', 403)
      if (groupBuy.status !== 'draft') throw new GroupBuyRefusal('not_editable', 409)
      groupBuy.merge(campaignColumns(input))
      await groupBuy.useTransaction(trx).save()
      await saveTiers(trx, groupBuy, input)
    })
  }
}
