import { accounts } from '#modules/accounts/index'
import { townOf, type ResidentHome } from '#modules/neighbourhoods/index'
import type { PostcardStatus } from '#modules/verification/models/postcard_request'
import { addressRequestDates, latestRequest } from '#modules/verification/queries/postcards'
import { addressKey, parseAddressLabel } from '#modules/verification/services/postcards/address'
import {
  effectiveStatus,
  postcardEligibility,
  type Eligibility,
} from '#modules/verification/services/postcards/eligibility'
import { addDays, postcardSettings } from '#modules/verification/services/postcards/settings'

export interface PostcardPanel {
  /** The home lies in no known town: no département to check a postcode against. */
  noTown: boolean
  latest: {
    status: PostcardStatus
    requestedAt: Date
    expiresAt: Date | null
    triesLeft: number
    retryFrom: Date
  } | null
  eligibility: Eligibility
  /** The request form, pre-filled from the home's address and the display name. */
  form: { name: string; street: string; postcode: string; town: string }
  limits: typeof postcardSettings
}

/**
 * What the "postcard" column of the "Verify my address" page shows to this
 * resident: their latest card and its state (waiting to be printed, on its
 * way with the tries left and the expiry date, locked, expired), whether
 * they may ask for one now (or from when), and the pre-filled form.
 */
export async function postcardPanel(userId: number, home: ResidentHome): Promise<PostcardPanel> {
  const now = new Date()
  const [resident, town, request] = await Promise.all([
    accounts.findResident(userId),
    home.townId === null ? null : townOf(home.townId),
    latestRequest(userId),
  ])
  const parsed = parseAddressLabel(home.addressLabel)
  const form = {
    name: resident?.displayName ?? '',
    street: parsed.street,
    postcode: parsed.postcode,
    town: parsed.town || town?.name || '',
  }
  const facts = request && {
    status: request.status,
    requestedAt: request.requestedAt.toJSDate(),
    expiresAt: request.expiresAt?.toJSDate() ?? null,
    homeLabel: request.homeLabel,
  }
  const effective = facts && { ...facts, effective: effectiveStatus(facts, now, home.addressLabel) }
  const addressDates = await addressRequestDates(addressKey(form.street, form.postcode), now)
  return {
    noTown: town === null,
    latest: effective && {
      status: effective.effective,
      requestedAt: effective.requestedAt,
      expiresAt: effective.expiresAt,
      triesLeft: postcardSettings.maxAttempts - (request?.failedAttempts ?? 0),
      retryFrom: addDays(effective.requestedAt, postcardSettings.retryAfterDays),
    },
    eligibility: postcardEligibility(effective, addressDates, now),
    form,
    limits: postcardSettings,
  }
}
