import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import Vouch from '#modules/verification/models/vouch'
import { countingVouches } from '#modules/verification/queries/cooptation'
import { AlreadyVerifiedError } from '#modules/verification/services/errors'
import {
  AlreadyVouchedError,
  CandidateVerifiedError,
  isUniqueViolation,
} from '#modules/verification/services/cooptation/errors'
import { neighbourName } from '#modules/verification/services/cooptation/names'
import { assertMayVouch } from '#modules/verification/services/cooptation/rules'
import { cooptationSettings } from '#modules/verification/services/cooptation/settings'
import { notifyResident, notifyVerified } from '#modules/verification/services/notify'
import { authorizeTrust } from '#modules/verification/services/policy'

export interface VouchOutcome {
  vouch: Vouch
  /** Vouches that count for the candidate now, this one included. */
  counting: number
  verified: boolean
}

/**
 * A verified neighbour states "I know this person and that they live in
 * <street>". The rules are checked with both residents rows locked; when
 * this is the second vouch that counts, the candidate is verified in the
 * same transaction and the vouches are linked to the verification, so two
 * neighbours vouching at once make exactly one verification.
 */
export default class VouchForNeighbour {
  async execute(voucherId: number, candidateId: number): Promise<VouchOutcome> {
    await authorizeTrust(voucherId, 'vouch')
    let outcome: VouchOutcome
    try {
      outcome = await db.transaction(async (trx) => {
        const parties = await assertMayVouch(voucherId, candidateId, { trx })
        const vouch = await Vouch.create(
          {
            candidateId,
            voucherId,
            neighbourhoodId: parties.candidateHome.neighbourhoodId,
            streetName: parties.candidateHome.streetName,
          },
          { client: trx }
        )
        const counting = await countingVouches(candidateId, parties.candidateHome, trx)
        if (counting.length < cooptationSettings.vouchesNeeded) {
          return { vouch, counting: counting.length, verified: false }
        }
        const { verification } = await new RecordVerification().execute(
          { userId: candidateId, method: 'cooptation' },
          trx
        )
        await trx
          .from('vouches')
          .whereIn(
            'id',
            counting.map((row) => row.id)
          )
          .update({ verification_id: verification.id })
        vouch.verificationId = verification.id
        return { vouch, counting: counting.length, verified: true }
      })
    } catch (error) {
      if (isUniqueViolation(error, 'vouches_one_standing')) throw new AlreadyVouchedError()
      if (error instanceof AlreadyVerifiedError) throw new CandidateVerifiedError()
      throw error
    }

    if (outcome.verified) {
      await notifyVerified(candidateId)
    } else {
      const voucher = await accounts.findResident(voucherId)
      await notifyResident(candidateId, 'cooptation.mail.vouched', {
        voucher: voucher ? neighbourName(voucher.displayName, 'unverified') : '',
        count: outcome.counting,
        needed: cooptationSettings.vouchesNeeded,
      })
    }
    return outcome
  }
}
