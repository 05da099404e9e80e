import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome } from '#modules/neighbourhoods/index'
import type { Reportable } from '#modules/moderation/index'
import { viewableOrganisation } from '#modules/organisations/queries/organisation_access'
import { visibleNotice } from '#modules/organisations/queries/notices'
import { noticePath, storefrontPath } from '#modules/organisations/services/links'

type Client = TransactionClientContract | typeof db

/** The neighbourhood whose moderators look after it: the first of these residents' homes. */
async function homeNeighbourhood(userIds: (number | null)[], trx?: TransactionClientContract) {
  for (const userId of userIds) {
    if (userId === null) continue
    const home = await residentHome(userId, { trx })
    if (home?.neighbourhoodId) return Number(home.neighbourhoodId)
  }
  return null
}

async function offerRow(id: number, client: Client) {
  const { rows } = await client.rawQuery(
    `SELECT so.id, so.organisation_id, so.author_id, so.title, so.text, so.hidden_at,
            (SELECT n.id FROM neighbourhoods n
              WHERE ST_Covers(n.boundary, o.point::geometry) LIMIT 1) AS shop_neighbourhood_id
       FROM shop_offers so JOIN organisations o ON o.id = so.organisation_id
      WHERE so.id = ?`,
    [id]
  )
  return rows[0] ?? null
}

async function offerContent(row: any, viewerId: number | null, trx?: TransactionClientContract) {
  const authorId = row.author_id === null ? null : Number(row.author_id)
  const neighbourhoodId =
    row.shop_neighbourhood_id === null
      ? await homeNeighbourhood([authorId, viewerId], trx)
      : Number(row.shop_neighbourhood_id)
  if (neighbourhoodId === null) return null
  return {
    authorId,
    neighbourhoodId,
    excerpt: `${row.title}\n${row.text}`.slice(0, 600),
    path: `${storefrontPath(Number(row.organisation_id))}#offer-${row.id}`,
    hidden: row.hidden_at !== null,
  }
}

/** Shop offers: moderated in the shop's neighbourhood; removing one deletes it. */
export const shopOfferReportable: Reportable = {
  kind: 'shop_offer',

  async locate(id, viewerId) {
    const row = await offerRow(id, db)
    if (!row || row.hidden_at !== null) return null
    try {
      await viewableOrganisation(Number(row.organisation_id), viewerId)
    } catch {
      return null
    }
    return offerContent(row, viewerId)
  },

  async find(id, trx) {
    const row = await offerRow(id, trx ?? db)
    return row ? offerContent(row, null, trx) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('shop_offers')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null })
  },

  async remove(id, trx) {
    await trx.from('shop_offers').where('id', id).delete()
  },
}

async function replyRow(id: number, client: Client) {
  const { rows } = await client.rawQuery(
    `SELECT r.id, r.notice_id, r.author_id, r.text, r.hidden_at, nt.organisation_id
       FROM notice_replies r JOIN notices nt ON nt.id = r.notice_id WHERE r.id = ?`,
    [id]
  )
  return rows[0] ?? null
}

async function replyContent(row: any, viewerId: number | null, trx?: TransactionClientContract) {
  const authorId = Number(row.author_id)
  const neighbourhoodId = await homeNeighbourhood([authorId, viewerId], trx)
  if (neighbourhoodId === null) return null
  return {
    authorId,
    neighbourhoodId,
    excerpt: String(row.text).slice(0, 600),
    path: `${noticePath(Number(row.organisation_id), Number(row.notice_id))}#reply-${row.id}`,
    hidden: row.hidden_at !== null,
  }
}

/** Residents' replies to notices: moderated in their author's neighbourhood; removing deletes. */
export const noticeReplyReportable: Reportable = {
  kind: 'notice_reply',

  async locate(id, viewerId) {
    const row = await replyRow(id, db)
    if (!row || row.hidden_at !== null) return null
    try {
      await visibleNotice(Number(row.organisation_id), Number(row.notice_id), viewerId)
    } catch {
      return null
    }
    return replyContent(row, viewerId)
  },

  async find(id, trx) {
    const row = await replyRow(id, trx ?? db)
    return row ? replyContent(row, null, trx) : null
  },

  async setHidden(id, hidden, trx) {
    await trx
      .from('notice_replies')
      .where('id', id)
      .update({ hidden_at: hidden ? new Date() : null })
  },

  async remove(id, trx) {
    await trx.from('notice_replies').where('id', id).delete()
  },
}
