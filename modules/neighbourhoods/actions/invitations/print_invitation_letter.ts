import type { InvitationAudience } from '#modules/neighbourhoods/models/invitation'
import type { InvitingUser } from '#modules/neighbourhoods/services/invitations/inviters'
import { currentLetterInvitation } from '#modules/neighbourhoods/services/invitations/reservations'

/**
 * The code printed on the resident's letter or flyer: their current one
 * for this audience, or a new one. Anyone who reads it may join with it
 * until it expires.
 */
export default class PrintInvitationLetter {
  async execute(user: InvitingUser, audience: InvitationAudience) {
    return currentLetterInvitation(user, audience)
  }
}
