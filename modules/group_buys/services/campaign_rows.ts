import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type GroupBuy from '#modules/group_buys/models/group_buy'
import GroupBuyTier from '#modules/group_buys/models/group_buy_tier'
import type { CampaignInput } from '#modules/group_buys/services/campaign_form'

/** The columns a campaign form writes (creating or editing a draft). */
export function campaignColumns(input: CampaignInput) {
  return {
    title: input.title,
    product: input.product,
    description: input.description,
    unit: input.unit,
    supplierName: input.supplierName,
    supplierContact: input.supplierContact,
    supplierShopId: input.supplierShopId ?? null,
    baseUnitPriceCents: input.baseUnitPriceCents,
    minTotalMilli: input.minTotalMilli,
    maxTotalMilli: input.maxTotalMilli,
    householdMaxMilli: input.householdMaxMilli,
    deadline: DateTime.fromJSDate(input.deadline),
    fulfilment: input.fulfilment,
    placeLabel: input.placeLabel,
    windowStartsOn: input.windowStartsOn,
    windowEndsOn: input.windowEndsOn,
    scope: input.scope,
  }
}

/** Replaces a campaign's tiers with the form's, in the caller's transaction. */
export async function saveTiers(
  trx: TransactionClientContract,
  groupBuy: GroupBuy,
  input: CampaignInput
): Promise<void> {
  await GroupBuyTier.query({ client: trx }).where('groupBuyId', groupBuy.id).delete()
  for (const tier of input.tiers) {
    await GroupBuyTier.create(
      {
        groupBuyId: groupBuy.id,
        minTotalMilli: tier.minTotalMilli,
        unitPriceCents: tier.unitPriceCents,
      },
      { client: trx }
    )
  }
}
