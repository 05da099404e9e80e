import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { clearAddressProof } from '#modules/neighbourhoods/index'
import Verification from '#modules/verification/models/verification'
import { NothingToRevokeError } from '#modules/verification/services/errors'
import { notifyResident } from '#modules/verification/services/notify'

/**
 * An operator withdraws a resident's verification, with a reason the
 * resident is told. The resident is unverified again at once and may
 * prove their address anew.
 */
export default class RevokeVerification {
  async execute(input: { userId: number; operatorId: number; reason: string }) {
    const verification = await db.transaction(async (trx) => {
      const standing = await Verification.query({ client: trx })
        .where('user_id', input.userId)
        .whereNull('revoked_at')
        .whereNull('superseded_at')
        .forUpdate()
        .first()
      if (!standing) throw new NothingToRevokeError()
      standing.merge({
        revokedAt: DateTime.now(),
        revokedById: input.operatorId,
        revokeReason: input.reason,
      })
      await standing.useTransaction(trx).save()
      await clearAddressProof(input.userId, { trx })
      return standing
    })
    await notifyResident(input.userId, 'verification.mail.revoked', { reason: input.reason })
    return verification
  }
}
