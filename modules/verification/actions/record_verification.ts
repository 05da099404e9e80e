import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAddressProof, residentHome } from '#modules/neighbourhoods/index'
import Verification, { type VerificationMethod } from '#modules/verification/models/verification'
import { AlreadyVerifiedError, NotPlacedError } from '#modules/verification/services/errors'

export interface RecordVerificationInput {
  userId: number
  method: VerificationMethod
  /** Who reviewed the proof (document), if anyone. */
  reviewerId?: number | null
}

/**
 * Records that a resident proved their address, inside the caller's
 * transaction (the postcard, the second vouch or the document decision is
 * written in the same one, so nothing is half done): the audit row, then
 * the resident's flag (which may open their neighbourhood). A previous
 * verification (of a former address) is marked superseded.
 */
export default class RecordVerification {
  async execute(
    input: RecordVerificationInput,
    trx: TransactionClientContract
  ): Promise<{ verification: Verification; neighbourhoodOpened: boolean }> {
    const home = await residentHome(input.userId, { trx, forUpdate: true })
    if (!home) throw new NotPlacedError()
    if (home.verifiedAt) throw new AlreadyVerifiedError()

    await trx
      .from('verifications')
      .where('user_id', input.userId)
      .whereNull('revoked_at')
      .whereNull('superseded_at')
      .update({ superseded_at: new Date() })

    const verification = await Verification.create(
      {
        userId: input.userId,
        method: input.method,
        neighbourhoodId: home.neighbourhoodId,
        addressLabel: home.addressLabel,
        reviewerId: input.reviewerId ?? null,
      },
      { client: trx }
    )
    const { neighbourhoodOpened } = await recordAddressProof(input.userId, { trx })
    return { verification, neighbourhoodOpened }
  }
}
