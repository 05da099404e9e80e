import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import VouchRequest from '#modules/verification/models/vouch_request'
import { VouchRequestNotFoundError } from '#modules/verification/services/cooptation/errors'

/**
 * A neighbour declines an ask made to them (only theirs: any other id is
 * not found). The row stays, so the same candidate cannot ask them again;
 * the candidate's page shows that this neighbour could not vouch.
 */
export default class DeclineVouchRequest {
  async execute(voucherId: number, requestId: number): Promise<'declined' | 'unchanged'> {
    return db.transaction(async (trx) => {
      const request = await VouchRequest.query({ client: trx })
        .where({ id: requestId, voucher_id: voucherId })
        .forUpdate()
        .first()
      if (!request) throw new VouchRequestNotFoundError()
      if (request.declinedAt) return 'unchanged'
      request.declinedAt = DateTime.now()
      await request.useTransaction(trx).save()
      return 'declined'
    })
  }
}
