import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import PostcardBatch from '#modules/verification/models/postcard_batch'
import PostcardRequest from '#modules/verification/models/postcard_request'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'
import { postcardSettings } from '#modules/verification/services/postcards/settings'
import { notifyResident } from '#modules/verification/services/notify'

/**
 * An operator marks a batch posted: who and when, each card's code valid
 * 60 days from now, and the encrypted codes wiped (from now on only their
 * hashes exist, so the print page and CSV are gone). Each resident is told
 * their card is on its way, after the commit.
 */
export default class MarkBatchPosted {
  async execute(batchId: number, operatorId: number): Promise<PostcardBatch> {
    const { batch, userIds } = await db.transaction(async (trx) => {
      const found = await PostcardBatch.query({ client: trx })
        .where('id', batchId)
        .forUpdate()
        .first()
      if (!found) throw new PostcardRefusal('batch_not_found', {}, 404)
      if (found.postedAt) throw new PostcardRefusal('already_posted', {}, 409)
      const now = DateTime.now()
      found.merge({ postedAt: now, postedById: operatorId })
      await found.useTransaction(trx).save()

      const posted: { user_id: number | string }[] = await trx
        .from('postcard_requests')
        .where('batch_id', batchId)
        .where('status', 'printed')
        .update(
          {
            status: 'posted',
            posted_at: now.toJSDate(),
            expires_at: now.plus({ days: postcardSettings.validDays }).toJSDate(),
            code_encrypted: null,
            updated_at: now.toJSDate(),
          },
          ['user_id']
        )
      /** Cards already used or locked before posting keep no code either. */
      await PostcardRequest.query({ client: trx })
        .where('batch_id', batchId)
        .whereNotNull('code_encrypted')
        .update({ code_encrypted: null, updated_at: now.toJSDate() })
      return { batch: found, userIds: posted.map((row) => Number(row.user_id)) }
    })
    for (const userId of userIds) await notifyResident(userId, 'postcards.mail.posted')
    return batch
  }
}
