import mail from '@adonisjs/mail/services/main'
import { addressUnsubscribeUrl, isAddressOptedOut } from '#modules/notifications/index'
import type { InvitationAudience } from '#modules/neighbourhoods/models/invitation'
import { InvitationMail } from '#modules/neighbourhoods/mails/invitation_mail'
import { formatCode } from '#modules/neighbourhoods/services/invitations/codes'
import {
  InvitationNotSentError,
  RecipientOptedOutError,
} from '#modules/neighbourhoods/services/invitations/errors'
import type { InvitingUser } from '#modules/neighbourhoods/services/invitations/inviters'
import { joinUrl } from '#modules/neighbourhoods/services/invitations/links'
import {
  discard,
  markSent,
  reserveInvitation,
} from '#modules/neighbourhoods/services/invitations/reservations'
import { invitationSettings } from '#modules/neighbourhoods/services/invitations/settings'

/**
 * Invites someone by e-mail to the inviter's own neighbourhood: a mail
 * with a personal join link, queued once the invitation is committed.
 * The recipient has no account, so the mail carries a one-click link that
 * stops every invitation to their address; such an address is refused
 * under the reservation's lock, before anything is counted or written
 * (read in the same transaction as the insert, not in a separate check
 * ahead of it).
 */
export default class SendEmailInvitation {
  async execute(
    user: InvitingUser,
    input: { recipient: string; audience: InvitationAudience; message?: string | null }
  ) {
    const { invitation, inviter } = await reserveInvitation(user, {
      channel: 'email',
      audience: input.audience,
      recipient: input.recipient,
      message: input.message,
      dailyLimit: invitationSettings.emailsPerDay,
      allow: async (_inviter, trx) => {
        if (await isAddressOptedOut(input.recipient, trx)) throw new RecipientOptedOutError()
      },
    })
    try {
      await mail.sendLater(
        new InvitationMail(input.recipient, inviter.locale, {
          audience: input.audience,
          inviterName: inviter.displayName,
          neighbourhoodName: inviter.neighbourhoodName,
          townName: inviter.townName,
          url: joinUrl(invitation.code),
          code: formatCode(invitation.code),
          expiresAt: invitation.expiresAt.toJSDate(),
          message: invitation.message,
        }).withUnsubscribe(addressUnsubscribeUrl(input.recipient))
      )
    } catch (error) {
      await discard(invitation)
      throw new InvitationNotSentError(error)
    }
    await markSent(invitation)
    return invitation
  }
}
