import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import Vouch from '#modules/verification/models/vouch'
import {
  VouchCountedError,
  VouchNotFoundError,
} from '#modules/verification/services/cooptation/errors'

/**
 * A voucher takes back their own vouch while it does not count yet. The
 * row stays (withdrawn_at) for the audit and still counts in the voucher's
 * 30-day allowance. The candidate's row is locked first, as when vouching,
 * so a withdrawal and the second vouch cannot cross.
 */
export default class WithdrawVouch {
  async execute(voucherId: number, vouchId: number): Promise<'withdrawn' | 'unchanged'> {
    return db.transaction(async (trx) => {
      const found = await Vouch.query({ client: trx })
        .where({ id: vouchId, voucher_id: voucherId })
        .first()
      if (!found) throw new VouchNotFoundError()
      await residentHome(found.candidateId, { trx, forUpdate: true })
      const vouch = await Vouch.query({ client: trx })
        .where('id', vouchId)
        .forUpdate()
        .firstOrFail()
      if (vouch.verificationId !== null) throw new VouchCountedError()
      if (vouch.withdrawnAt) return 'unchanged'
      vouch.withdrawnAt = DateTime.now()
      await vouch.useTransaction(trx).save()
      return 'withdrawn'
    })
  }
}
