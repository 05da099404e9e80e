/**
 * The limits of event forms (the product's choices, not configuration).
 * Texts match the column sizes of the migration.
 */
export const eventLimits = {
  title: { min: 3, max: 120 },
  description: { max: 4000 },
  placeLabel: { min: 3, max: 200 },
  cancelReason: { min: 5, max: 500 },
  capacity: { min: 1, max: 10_000 },
  /** An event starts within a year and lasts at most two weeks. */
  maxDaysAhead: 365,
  maxDurationHours: 14 * 24,
  /** A picked place this close to the organiser's home is their home: refused. */
  homeRadiusMetres: 30,
  /** Residents' dates and times are French ones. */
  timeZone: 'Europe/Paris',
} as const
