import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import PostcardBatch from '#modules/verification/models/postcard_batch'
import PostcardRequest from '#modules/verification/models/postcard_request'
import { encryptCode, hashCode } from '#modules/verification/services/postcards/code_secrets'
import { generateCode } from '#modules/verification/services/postcards/codes'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'
import { postcardSettings } from '#modules/verification/services/postcards/settings'

/**
 * An operator gathers the waiting requests (oldest first, at most 500)
 * into a print batch and each card gets its code: stored hashed, and
 * encrypted until the batch is posted. Requests of residents who got
 * verified another way or moved since asking are cancelled instead of
 * printed. Nothing left to print: refused, nothing written but those
 * cancellations.
 */
export default class CreatePostcardBatch {
  async execute(operatorId: number): Promise<PostcardBatch> {
    const batch = await db.transaction(async (trx) => {
      const waiting = await PostcardRequest.query({ client: trx })
        .where('status', 'requested')
        .orderBy('requested_at')
        .orderBy('id')
        .limit(postcardSettings.batchCap)
        .forUpdate()
      const now = DateTime.now()
      const printable: PostcardRequest[] = []
      for (const request of waiting) {
        const home = await residentHome(request.userId, { trx })
        if (home && !home.verifiedAt && home.addressLabel === request.homeLabel) {
          printable.push(request)
          continue
        }
        request.merge({ status: 'cancelled' })
        await request.useTransaction(trx).save()
      }
      if (printable.length === 0) return null

      const created = await PostcardBatch.create(
        { createdById: operatorId, size: printable.length },
        { client: trx }
      )
      /** Valid 60 days; reset to 60 days from posting when the batch is posted. */
      const expiresAt = now.plus({ days: postcardSettings.validDays })
      for (const request of printable) {
        const code = generateCode()
        request.merge({
          batchId: created.id,
          status: 'printed',
          codeHash: hashCode(code),
          codeEncrypted: encryptCode(code),
          expiresAt,
        })
        await request.useTransaction(trx).save()
      }
      return created
    })
    if (!batch) throw new PostcardRefusal('nothing_waiting', {}, 409)
    return batch
  }
}
