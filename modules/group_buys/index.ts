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
export { demoGroupBuys } from '#modules/group_buys/services/demo_group_buys'
