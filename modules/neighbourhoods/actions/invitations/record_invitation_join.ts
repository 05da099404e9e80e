import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invitation from '#modules/neighbourhoods/models/invitation'
import InvitationJoin from '#modules/neighbourhoods/models/invitation_join'
import { normaliseCode } from '#modules/neighbourhoods/services/invitations/codes'

/**
 * Records that someone joined through a code and says which neighbourhood
 * it invites to, or null when the code does not (or no longer) let them
 * in: unknown, expired, a personal code someone else already used, or
 * their own invitation. Asking again for the same person answers the same
 * (idempotent). The invitation row is locked, so two people racing for one
 * personal code cannot both get it.
 */
export default class RecordInvitationJoin {
  async execute(
    input: string,
    userId: number,
    options: { trx?: TransactionClientContract } = {}
  ): Promise<{ neighbourhoodId: number } | null> {
    const code = normaliseCode(input)
    if (!code) return null
    const run = async (trx: TransactionClientContract) => {
      const invitation = await Invitation.query({ client: trx })
        .where('code', code)
        .whereNotNull('sent_at')
        .forUpdate()
        .first()
      if (!invitation || invitation.inviterId === Number(userId)) return null
      const result = { neighbourhoodId: invitation.neighbourhoodId }

      const joins = () =>
        InvitationJoin.query({ client: trx }).where('invitation_id', invitation.id)
      if (await joins().where('user_id', userId).first()) return result
      if (invitation.isExpired) return null
      if (invitation.isPersonal && (await joins().first())) return null

      await InvitationJoin.create(
        { invitationId: invitation.id, userId, joinedAt: DateTime.now() },
        { client: trx }
      )
      return result
    }
    return options.trx ? run(options.trx) : db.transaction(run)
  }
}
