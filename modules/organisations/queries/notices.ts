import db from '@adonisjs/lucid/services/db'
import { residentHome } from '#modules/neighbourhoods/index'
import { roleOf } from '#modules/organisations/queries/organisation_access'
import { OrganisationNotFoundError } from '#modules/organisations/services/errors'

export interface NoticeRow {
  id: number
  organisationId: number
  townId: number
  title: string
  text: string
  wholeTown: boolean
  pinnedUntil: Date | null
  publishedAt: Date
}

function toNotice(row: any): NoticeRow {
  return {
    id: Number(row.id),
    organisationId: Number(row.organisation_id),
    townId: Number(row.town_id),
    title: row.title,
    text: row.text,
    wholeTown: Boolean(row.whole_town),
    pinnedUntil: row.pinned_until ? new Date(row.pinned_until) : null,
    publishedAt: new Date(row.published_at),
  }
}

/**
 * Who a notice is for, as SQL on `nt` (notices): the whole town of the
 * viewer, or one of the chosen neighbourhoods being the viewer's.
 */
export function noticeReachesViewer(): string {
  return `((nt.whole_town AND nt.town_id = ?)
           OR EXISTS (SELECT 1 FROM notice_neighbourhoods nn
                       WHERE nn.notice_id = nt.id AND nn.neighbourhood_id = ?))`
}

/** The neighbourhoods a notice reaches (for the live "new posts" banner). */
export async function noticeAudienceIds(noticeId: number): Promise<number[]> {
  const { rows } = await db.rawQuery<{ rows: { id: number }[] }>(
    `SELECT n.id FROM notices nt JOIN neighbourhoods n
        ON (nt.whole_town AND n.town_id = nt.town_id)
        OR n.id IN (SELECT neighbourhood_id FROM notice_neighbourhoods WHERE notice_id = nt.id)
      WHERE nt.id = ?`,
    [noticeId]
  )
  return rows.map((row) => Number(row.id))
}

/**
 * A notice for one person: the town hall's members, or a resident it is
 * addressed to (their neighbourhood, or their town when for all of it),
 * once the town hall is verified. Anyone else: 404.
 */
export async function visibleNotice(
  organisationId: number,
  noticeId: number,
  userId: number
): Promise<{ notice: NoticeRow; member: boolean }> {
  const { rows } = await db.rawQuery(
    `SELECT nt.*, o.verification_status FROM notices nt
       JOIN organisations o ON o.id = nt.organisation_id
      WHERE nt.id = ? AND nt.organisation_id = ?`,
    [noticeId, organisationId]
  )
  if (!rows[0]) throw new OrganisationNotFoundError()
  const notice = toNotice(rows[0])
  if (await roleOf(organisationId, userId)) return { notice, member: true }
  if (rows[0].verification_status !== 'verified') throw new OrganisationNotFoundError()
  const home = await residentHome(userId)
  if (!home || home.neighbourhoodId === null) throw new OrganisationNotFoundError()
  const { rows: reached } = await db.rawQuery(
    `SELECT 1 FROM notices nt WHERE nt.id = ? AND ${noticeReachesViewer()}`,
    [noticeId, home.townId, home.neighbourhoodId]
  )
  if (!reached[0]) throw new OrganisationNotFoundError()
  return { notice, member: false }
}

/** Notices of a town hall: all for its members, those addressed to them for residents. */
export async function noticesOf(
  organisationId: number,
  viewer: { member: boolean; townId: number | null; neighbourhoodId: number | null },
  limit = 20
): Promise<NoticeRow[]> {
  if (viewer.member) {
    const { rows } = await db.rawQuery(
      `SELECT * FROM notices nt WHERE nt.organisation_id = ?
        ORDER BY nt.published_at DESC, nt.id DESC LIMIT ?`,
      [organisationId, limit]
    )
    return rows.map(toNotice)
  }
  if (viewer.neighbourhoodId === null) return []
  const { rows } = await db.rawQuery(
    `SELECT * FROM notices nt WHERE nt.organisation_id = ? AND ${noticeReachesViewer()}
      ORDER BY nt.published_at DESC, nt.id DESC LIMIT ?`,
    [organisationId, viewer.townId, viewer.neighbourhoodId, limit]
  )
  return rows.map(toNotice)
}

/** The notice's chosen neighbourhoods (empty: the whole town). */
export async function noticeNeighbourhoodIds(noticeId: number): Promise<number[]> {
  const rows = await db
    .from('notice_neighbourhoods')
    .where('notice_id', noticeId)
    .select('neighbourhood_id')
  return rows.map((row) => Number(row.neighbourhood_id))
}

export async function repliesOf(
  noticeId: number
): Promise<{ id: number; authorId: number; text: string; createdAt: Date }[]> {
  const rows = await db
    .from('notice_replies')
    .where('notice_id', noticeId)
    /** Hidden by moderation: no longer shown (its author is told and may appeal). */
    .whereNull('hidden_at')
    .orderBy('id')
    .select('id', 'author_id', 'text', 'created_at')
  return rows.map((row) => ({
    id: Number(row.id),
    authorId: Number(row.author_id),
    text: row.text,
    createdAt: new Date(row.created_at),
  }))
}

/**
 * Pinned notices addressed to a resident, until their date, newest first
 * (the box above the feed).
 */
export async function pinnedNoticesFor(userId: number, now: Date = new Date()) {
  const home = await residentHome(userId)
  if (!home || home.neighbourhoodId === null) return []
  const { rows } = await db.rawQuery(
    `SELECT nt.*, o.name AS organisation_name FROM notices nt
       JOIN organisations o ON o.id = nt.organisation_id
      WHERE o.verification_status = 'verified' AND nt.pinned_until > ?
        AND ${noticeReachesViewer()}
      ORDER BY nt.published_at DESC, nt.id DESC LIMIT 3`,
    [now, home.townId, home.neighbourhoodId]
  )
  return rows.map((row: any) => ({
    ...toNotice(row),
    organisationName: row.organisation_name as string,
  }))
}
