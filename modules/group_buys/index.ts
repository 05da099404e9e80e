/**
 * Public API of the group buys module (other modules import only this):
 * the arithmetic of prices and savings, and the vocabulary of campaigns.
 */
export {
  formatCents,
  formatQuantity,
  lineCostCents,
  nextTier,
  savings,
  unitPriceFor,
  type PriceTier,
} from '#modules/group_buys/services/pricing'
export {
  UNITS,
  STATUSES,
  type Unit,
  type GroupBuyStatus,
} from '#modules/group_buys/services/settings'
export { groupBuyPath } from '#modules/group_buys/services/links'
/** A shop's storefront lists the open campaigns it supplies. */
export { openGroupBuysOfShop } from '#modules/group_buys/queries/shop_group_buys'
export { demoGroupBuys } from '#modules/group_buys/services/demo_group_buys'

/** Back office dashboard: campaigns opened per week (Paris, Monday-based). */
export { weeklyGroupBuysOpened } from '#modules/group_buys/queries/back_office_figures'
