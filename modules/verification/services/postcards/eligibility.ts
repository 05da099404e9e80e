import type { PostcardStatus } from '#modules/verification/models/postcard_request'
import { addDays, postcardSettings } from '#modules/verification/services/postcards/settings'

/** What the rules need to know of a resident's latest request. */
export interface RequestFacts {
  status: PostcardStatus
  requestedAt: Date
  expiresAt: Date | null
  homeLabel: string
}

/**
 * The status as it stands now: a live code past its date is expired, and a
 * card asked for a home the resident has since left no longer counts.
 */
export function effectiveStatus(
  request: RequestFacts,
  now: Date,
  currentHomeLabel: string
): PostcardStatus {
  const open = ['requested', 'printed', 'posted'].includes(request.status)
  if (open && request.homeLabel !== currentHomeLabel) return 'cancelled'
  const live = request.status === 'printed' || request.status === 'posted'
  if (live && request.expiresAt && request.expiresAt <= now) return 'expired'
  return request.status
}

export type Eligibility =
  | { kind: 'can_ask' }
  /** A request waits for the next print batch. */
  | { kind: 'waiting' }
  /** Too soon after the previous request; `reason` says what became of it. */
  | { kind: 'too_soon'; reason: 'in_progress' | 'locked' | 'other'; retryFrom: Date }
  | { kind: 'address_limit'; retryFrom: Date }

/**
 * Whether a resident may ask for a new card now: not while one waits to be
 * printed; 30 days after their previous request (lost card, locked code);
 * at most 3 requests per address per 365 days, all accounts together.
 * `addressRequests` are the request dates for the address in that window.
 */
export function postcardEligibility(
  latest: (RequestFacts & { effective: PostcardStatus }) | null,
  addressRequests: Date[],
  now: Date
): Eligibility {
  if (latest?.effective === 'requested') return { kind: 'waiting' }
  if (latest) {
    const retryFrom = addDays(latest.requestedAt, postcardSettings.retryAfterDays)
    if (retryFrom > now) {
      const live = latest.effective === 'printed' || latest.effective === 'posted'
      const reason = live ? 'in_progress' : latest.effective === 'locked' ? 'locked' : 'other'
      return { kind: 'too_soon', reason, retryFrom }
    }
  }
  if (addressRequests.length >= postcardSettings.perAddressMax) {
    const oldest = [...addressRequests].sort((a, b) => a.getTime() - b.getTime())[
      addressRequests.length - postcardSettings.perAddressMax
    ]
    return {
      kind: 'address_limit',
      retryFrom: addDays(oldest, postcardSettings.perAddressWindowDays),
    }
  }
  return { kind: 'can_ask' }
}
