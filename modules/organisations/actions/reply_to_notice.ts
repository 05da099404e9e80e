import db from '@adonisjs/lucid/services/db'
import { guardPost, recordPost } from '#modules/moderation/index'
import { visibleNotice } from '#modules/organisations/queries/notices'

/**
 * A resident the notice is addressed to answers it (members of the town
 * hall answer too). Replies live with the notice: the town hall reads
 * them there and nothing else of residents' content. A new resident's
 * reply is counted with their other posts, in the same transaction.
 */
export default class ReplyToNotice {
  async execute(userId: number, organisationId: number, noticeId: number, text: string) {
    await visibleNotice(organisationId, noticeId, userId)
    await db.transaction(async (trx) => {
      await guardPost(userId, { kind: 'notice_reply', texts: [text] }, trx)
      await trx.table('notice_replies').insert({
        notice_id: noticeId,
        author_id: userId,
        text,
        created_at: new Date(),
      })
      await recordPost(userId, 'notice_reply', trx)
    })
  }
}
