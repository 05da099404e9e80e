import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { liveAtSameAddress, residentHome, type ResidentHome } from '#modules/neighbourhoods/index'
import {
  AlreadyVouchedError,
  CandidateNotFoundError,
  CandidateVerifiedError,
  SameAddressError,
  SelfVouchError,
  VoucherTooRecentError,
  VouchLimitError,
} from '#modules/verification/services/cooptation/errors'
import {
  cooptationSettings,
  mayVouchFrom,
  nextVouchSlot,
  periodStart,
} from '#modules/verification/services/cooptation/settings'
import { VerificationRequiredError } from '#modules/verification/services/verification_required'

export interface VouchParties {
  candidateHome: ResidentHome & { neighbourhoodId: number }
  voucherHome: ResidentHome
}

/**
 * Every anti-collusion rule, in the order a voucher is told about them.
 * The vouch page runs it to show why there is no form; the action runs it
 * again inside its transaction with both residents rows locked (in id
 * order, so two transactions never wait on each other), so the rules hold
 * when two neighbours vouch at the same moment. Throws the first refusal.
 */
export async function assertMayVouch(
  voucherId: number,
  candidateId: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<VouchParties> {
  if (voucherId === candidateId) throw new SelfVouchError()
  const { trx } = options
  const homes = new Map<number, ResidentHome | null>()
  for (const id of [voucherId, candidateId].sort((a, b) => a - b)) {
    homes.set(id, await residentHome(id, { trx, forUpdate: trx !== undefined }))
  }
  const candidateHome = homes.get(candidateId) ?? null
  const voucherHome = homes.get(voucherId) ?? null

  /** Not placed, moved away or in another neighbourhood: as if the link did not exist. */
  if (
    !candidateHome ||
    candidateHome.neighbourhoodId === null ||
    !voucherHome ||
    voucherHome.neighbourhoodId !== candidateHome.neighbourhoodId
  ) {
    throw new CandidateNotFoundError()
  }
  if (candidateHome.verifiedAt) throw new CandidateVerifiedError()
  if (!voucherHome.verifiedAt) throw new VerificationRequiredError('vouch')
  const from = mayVouchFrom(voucherHome.verifiedAt)
  if (from.getTime() > Date.now()) throw new VoucherTooRecentError(from)

  const client = trx ?? db
  const standing = await client
    .from('vouches')
    .where({ candidate_id: candidateId, voucher_id: voucherId })
    .whereNull('withdrawn_at')
    .select('id')
    .first()
  if (standing) throw new AlreadyVouchedError()
  if (await liveAtSameAddress(voucherId, candidateId, { trx })) throw new SameAddressError()

  /** Withdrawn vouches count too: withdrawing and vouching again gains nothing. */
  const recent = await client
    .from('vouches')
    .where('voucher_id', voucherId)
    .where('created_at', '>', periodStart())
    .orderBy('created_at', 'desc')
    .select('created_at')
  if (recent.length >= cooptationSettings.vouchesPerPeriod) {
    const oldestKept = recent[cooptationSettings.vouchesPerPeriod - 1].created_at as Date
    throw new VouchLimitError(nextVouchSlot(oldestKept))
  }
  return {
    candidateHome: { ...candidateHome, neighbourhoodId: candidateHome.neighbourhoodId },
    voucherHome,
  }
}
