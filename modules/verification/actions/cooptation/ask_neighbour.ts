import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { liveAtSameAddress, neighbourhoodNames, residentHome } from '#modules/neighbourhoods/index'
import VouchRequest from '#modules/verification/models/vouch_request'
import { outstandingAskCount } from '#modules/verification/queries/cooptation'
import {
  AlreadyAskedError,
  AlreadyVouchedError,
  CandidateVerifiedError,
  isUniqueViolation,
  NeighbourNotFoundError,
  NoNeighbourhoodError,
  SameAddressError,
  TooManyAsksError,
} from '#modules/verification/services/cooptation/errors'
import {
  cooptationSettings,
  mayVouchFrom,
} from '#modules/verification/services/cooptation/settings'
import { ensureVouchToken, vouchPath } from '#modules/verification/services/cooptation/vouch_links'
import { notifyResident } from '#modules/verification/services/notify'

/**
 * A candidate asks a named neighbour to vouch for them: a verified
 * resident of their neighbourhood who may vouch (the list offers only
 * those; any other id is refused the same way, revealing nothing). At most
 * a few asks wait at once; the neighbour gets a mail with a link to the
 * vouch page and sees the ask on their own "Verify my address" page.
 */
export default class AskNeighbour {
  async execute(candidateId: number, voucherId: number): Promise<VouchRequest> {
    let token: string
    let neighbourhoodId: number
    let request: VouchRequest
    try {
      ;({ request, token, neighbourhoodId } = await db.transaction(async (trx) => {
        /** The lock makes the cap on waiting asks hold against two posts at once. */
        const home = await residentHome(candidateId, { trx, forUpdate: true })
        if (!home || home.neighbourhoodId === null) throw new NoNeighbourhoodError()
        if (home.verifiedAt) throw new CandidateVerifiedError()
        if (voucherId === candidateId) throw new NeighbourNotFoundError()
        const neighbour = await residentHome(voucherId, { trx })
        if (
          !neighbour?.verifiedAt ||
          neighbour.neighbourhoodId !== home.neighbourhoodId ||
          mayVouchFrom(neighbour.verifiedAt).getTime() > Date.now()
        ) {
          throw new NeighbourNotFoundError()
        }
        const asked = await trx
          .from('vouch_requests')
          .where({ candidate_id: candidateId, voucher_id: voucherId })
          .first()
        if (asked) throw new AlreadyAskedError()
        const vouched = await trx
          .from('vouches')
          .where({ candidate_id: candidateId, voucher_id: voucherId })
          .whereNull('withdrawn_at')
          .first()
        if (vouched) throw new AlreadyVouchedError()
        if (await liveAtSameAddress(candidateId, voucherId, { trx })) throw new SameAddressError()
        if (
          (await outstandingAskCount(candidateId, trx)) >= cooptationSettings.maxOutstandingAsks
        ) {
          throw new TooManyAsksError()
        }
        const created = await VouchRequest.create({ candidateId, voucherId }, { client: trx })
        return {
          request: created,
          token: await ensureVouchToken(candidateId, { trx }),
          neighbourhoodId: home.neighbourhoodId,
        }
      }))
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyAskedError()
      throw error
    }

    const [candidate, names] = await Promise.all([
      accounts.findResident(candidateId),
      neighbourhoodNames([neighbourhoodId]),
    ])
    await notifyResident(
      voucherId,
      'cooptation.mail.asked',
      {
        candidate: candidate?.displayName ?? '',
        neighbourhood: names.get(neighbourhoodId)?.name ?? '',
      },
      vouchPath(token)
    )
    return request
  }
}
