/**
 * The postcard rules in one place (the product's choices, not
 * configuration): how long a code lives, how many tries, how often a card
 * may be asked for.
 */
export const postcardSettings = {
  /** A code is valid this long after posting. */
  validDays: 60,
  /** The 5th wrong try locks the code. */
  maxAttempts: 5,
  /** A new card may be asked this long after the previous request. */
  retryAfterDays: 30,
  /** At most this many requests for one address (all accounts) ... */
  perAddressMax: 3,
  /** ... within this many days. */
  perAddressWindowDays: 365,
  /** Cards in one print batch at most. */
  batchCap: 500,
  /** Address block limits (the name defaults to the display name, up to 60). */
  nameMax: 60,
  complementMax: 60,
  streetMax: 100,
  townMax: 60,
} as const

const DAY_MS = 24 * 60 * 60 * 1000

/** `date` plus `days` days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}
