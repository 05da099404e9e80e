import db from '@adonisjs/lucid/services/db'
import { visibleNotice } from '#modules/organisations/queries/notices'

/**
 * A resident the notice is addressed to answers it (members of the town
 * hall answer too). Replies live with the notice: the town hall reads
 * them there and nothing else of residents' content.
 */
export default class ReplyToNotice {
  async execute(userId: number, organisationId: number, noticeId: number, text: string) {
    await visibleNotice(organisationId, noticeId, userId)
    await db.table('notice_replies').insert({
      notice_id: noticeId,
      author_id: userId,
      text,
      created_at: new Date(),
    })
  }
}
