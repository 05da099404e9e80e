import vine from '@vinejs/vine'
import { moderatorSettings } from '#modules/neighbourhoods/services/moderators/settings'

/** An id a bigint column holds and JavaScript keeps exact (anything else: 422, not a 500). */
const id = () => vine.number().withoutDecimals().min(1).max(Number.MAX_SAFE_INTEGER)

/** "Make moderator": which resident, in which neighbourhood (an operator's form). */
export const grantModeratorValidator = vine.create({
  resident_id: id(),
  neighbourhood_id: id(),
})

/** "Revoke": the same, and the reason the resident will receive. */
export const revokeModeratorValidator = vine.create({
  resident_id: id(),
  neighbourhood_id: id(),
  revoke_reason: vine
    .string()
    .trim()
    .minLength(moderatorSettings.revokeReason.min)
    .maxLength(moderatorSettings.revokeReason.max),
})
