import db from '@adonisjs/lucid/services/db'
import { guardPost, recordPost } from '#modules/moderation/index'
import { residentHome } from '#modules/neighbourhoods/index'
import { authorizeTrust } from '#modules/verification/index'
import GroupBuy from '#modules/group_buys/models/group_buy'
import type { CampaignInput } from '#modules/group_buys/services/campaign_form'
import { campaignColumns, saveTiers } from '#modules/group_buys/services/campaign_rows'
import { GroupBuyRefusal } from '#modules/group_buys/services/errors'
import { assertSupplierShop } from '#modules/group_buys/services/supplier_shop'

/**
 * A verified resident writes a campaign as a draft (nobody else sees it
 * until it opens). It belongs to the neighbourhood and town of their home
 * now (read again, locked, inside the transaction), with their street
 * name; the tiers are written in the same transaction.
 */
export default class CreateCampaign {
  async execute(userId: number, input: CampaignInput): Promise<GroupBuy> {
    await authorizeTrust(userId, 'post')
    await assertSupplierShop(userId, input.supplierShopId ?? null)
    return db.transaction(async (trx) => {
      const home = await residentHome(userId, { trx, forUpdate: true })
      if (!home?.neighbourhoodId || !home.townId) throw new GroupBuyRefusal('not_placed', 409)
      const texts = [
        input.title,
        input.product,
        input.description,
        input.supplierName,
        input.supplierContact,
        input.placeLabel,
      ]
      await guardPost(userId, { kind: 'group_buy', texts }, trx)
      const groupBuy = await GroupBuy.create(
        {
          ...campaignColumns(input),
          organiserId: userId,
          neighbourhoodId: home.neighbourhoodId,
          townId: home.townId,
          organiserStreet: home.streetName,
          status: 'draft',
          totalMilli: 0,
        },
        { client: trx }
      )
      await saveTiers(trx, groupBuy, input)
      await recordPost(userId, 'group_buy', trx)
      return groupBuy
    })
  }
}
