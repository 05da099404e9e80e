import { DateTime } from 'luxon'

/**
 * Rules of co-optation in one place: pages show them, the actions enforce
 * them, the tests name them.
 */
export const cooptationSettings = {
  /** Vouches from distinct verified neighbours that verify a candidate. */
  vouchesNeeded: 2,
  /** A voucher must have been verified this long (a fresh account cannot vouch at once). */
  voucherSeniorityDays: 14,
  /** Vouches one voucher may give in a rolling period, withdrawn ones included. */
  vouchesPerPeriod: 5,
  periodDays: 30,
  /** Asks a candidate may have waiting for an answer at once. */
  maxOutstandingAsks: 5,
  /** An unanswered ask stops taking a place after this long. */
  askExpiresAfterDays: 14,
  /** Asks (attempts) per candidate per day, on top of the outstanding cap. */
  asksPerDay: 10,
  /** Bytes of randomness in a vouch link token (32 characters of base64url). */
  tokenBytes: 24,
} as const

/** The first day a resident verified at `verifiedAt` may vouch. */
export function mayVouchFrom(verifiedAt: Date): Date {
  return DateTime.fromJSDate(verifiedAt)
    .plus({ days: cooptationSettings.voucherSeniorityDays })
    .toJSDate()
}

/** When the oldest vouch of a full period leaves it, freeing a place. */
export function nextVouchSlot(oldestInPeriod: Date): Date {
  return DateTime.fromJSDate(oldestInPeriod)
    .plus({ days: cooptationSettings.periodDays })
    .toJSDate()
}

/** Start of the rolling period ending now. */
export function periodStart(now = DateTime.now()): Date {
  return now.minus({ days: cooptationSettings.periodDays }).toJSDate()
}

/** Asks made before this no longer count as waiting. */
export function askCutoff(now = DateTime.now()): Date {
  return now.minus({ days: cooptationSettings.askExpiresAfterDays }).toJSDate()
}
