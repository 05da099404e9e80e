import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  InvitationNotSentError,
  NotVerifiedError,
  SmsUnavailableError,
} from '#modules/neighbourhoods/services/invitations/errors'
import type { InvitingUser } from '#modules/neighbourhoods/services/invitations/inviters'
import { joinUrl } from '#modules/neighbourhoods/services/invitations/links'
import {
  discard,
  markSent,
  reserveInvitation,
} from '#modules/neighbourhoods/services/invitations/reservations'
import { invitationSettings } from '#modules/neighbourhoods/services/invitations/settings'
import { SmsSender } from '#app/sms/index'

/**
 * Invites a neighbour by SMS. SMS cost money: verified residents only,
 * a daily limit per resident counted in the database. The text is short,
 * in the inviter's language, with the join link and no address.
 */
@inject()
export default class SendSmsInvitation {
  constructor(private sms: SmsSender) {}

  async execute(user: InvitingUser, input: { phone: string }) {
    if (!this.sms.enabled) throw new SmsUnavailableError()
    const { invitation, inviter } = await reserveInvitation(user, {
      channel: 'sms',
      audience: 'neighbour',
      recipient: input.phone,
      dailyLimit: invitationSettings.smsPerDay,
      allow: (candidate) => {
        if (!candidate.verified) throw new NotVerifiedError()
      },
    })
    const body = i18nManager.locale(inviter.locale).t('invitations.sms_text', {
      inviter: inviter.displayName,
      neighbourhood: inviter.neighbourhoodName,
      url: joinUrl(invitation.code),
    })
    try {
      await this.sms.send({ to: input.phone, body })
    } catch (error) {
      await discard(invitation)
      logger.warn({ err: error, invitationId: invitation.id }, 'SMS invitation not sent')
      throw new InvitationNotSentError(error)
    }
    await markSent(invitation)
    return invitation
  }
}
