/**
 * The limits of group-buy forms (the product's choices, not
 * configuration). Texts match the column sizes of the migration.
 */
export const groupBuyLimits = {
  title: { min: 3, max: 100 },
  product: { min: 2, max: 100 },
  description: { max: 2000 },
  supplierName: { min: 2, max: 120 },
  supplierContact: { max: 200 },
  placeLabel: { min: 3, max: 200 },
  cancelReason: { min: 5, max: 500 },
  /** 100 000 € a unit (the table's check): a tonne of pellets is far below. */
  maxPriceCents: 10_000_000,
  /** Ten million units of anything: far above a neighbourhood's order, far below 2^53 milli. */
  maxQuantityMilli: 10_000_000_000,
  maxTiers: 5,
  /** A deadline within six months; the pickup window after it, at most 60 days long. */
  maxDeadlineDays: 183,
  maxWindowDays: 60,
  /** Residents' dates and times are French ones. */
  timeZone: 'Europe/Paris',
} as const
