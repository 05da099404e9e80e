import { preparedRows } from '#app/database/prepared'
import { olderThanClause, type FeedItem, type FeedPage, type FeedSource } from '#modules/feed/index'
import { NOTICES_SOURCE } from '#modules/organisations/actions/publish_notice'
import { SHOP_OFFERS_SOURCE } from '#modules/organisations/actions/publish_offer'
import { noticeReachesViewer } from '#modules/organisations/queries/notices'
import { reachesNeighbourhood } from '#modules/organisations/queries/reach'
import { formatDay, parisToday } from '#modules/organisations/services/paris_time'
import { noticePath, offerPhotoPath, storefrontPath } from '#modules/organisations/services/links'

type Binding = string | number | Date

function summaryOf(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`
}

/** Keyset, search and the common filters, on a table aliased `alias`. */
function pageConditions(page: FeedPage, source: string, alias: string) {
  const older = olderThanClause(page.before, source, {
    publishedAt: `${alias}.published_at`,
    id: `${alias}.id`,
  })
  const conditions = [older.sql]
  const bindings: Binding[] = [...older.bindings]
  const q = page.filters.q?.trim()
  if (q) {
    conditions.push(
      `${alias}.search @@ (websearch_to_tsquery('quartier_fr', ?) || websearch_to_tsquery('quartier_en', ?))`
    )
    bindings.push(q, q)
  }
  return { conditions, bindings }
}

/** The member who posted it (SET NULL once their account is erased). */
function accountId(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

function skip(page: FeedPage, kind: string): boolean {
  const { viewer, filters, limit } = page
  return (
    viewer.neighbourhoodId === null ||
    limit <= 0 ||
    Boolean(filters.category) ||
    Boolean(filters.kind && filters.kind !== kind)
  )
}

/**
 * Offers of verified shops, until their last day, for viewers whose
 * neighbourhood lies within the shop's radius (reach.ts: ST_DWithin
 * between the shop's point and the neighbourhood's boundary).
 */
export const shopOffersFeedSource: FeedSource = {
  name: SHOP_OFFERS_SOURCE,
  kinds: ['shop_offer'],
  labels: { kinds: 'organisations.feed.kinds' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    if (skip(page, 'shop_offer')) return []
    const { conditions, bindings } = pageConditions(page, SHOP_OFFERS_SOURCE, 'so')
    const rows = await preparedRows<any>(
      `SELECT so.id, so.title, so.text, to_char(so.valid_until, 'YYYY-MM-DD') AS valid_until, so.published_at, so.photo_key,
              so.author_id, o.id AS organisation_id, o.name AS organisation_name
         FROM shop_offers so JOIN organisations o ON o.id = so.organisation_id
        WHERE o.verification_status = 'verified' AND so.valid_until >= ? AND so.hidden_at IS NULL
          AND ${reachesNeighbourhood('o', '?')} AND ${conditions.join(' AND ')}
        ORDER BY so.published_at DESC, so.id DESC LIMIT ?`,
      [parisToday(), page.viewer.neighbourhoodId!, ...bindings, page.limit]
    )
    return rows.map((row: any) => {
      const organisationId = Number(row.organisation_id)
      const id = Number(row.id)
      return {
        source: SHOP_OFFERS_SOURCE,
        id,
        publishedAt: new Date(row.published_at),
        kind: 'shop_offer',
        category: null,
        title: row.title,
        summary: summaryOf(row.text),
        url: `${storefrontPath(organisationId)}#offer-${id}`,
        author: { name: row.organisation_name, street: null },
        scope: 'nearby',
        neighbourhoodName: null,
        neighbourhoodId: null,
        authorId: accountId(row.author_id),
        badges: [
          { key: 'organisations.feed.shop' },
          {
            key: 'organisations.feed.valid_until',
            values: { date: formatDay(String(row.valid_until), page.viewer.locale) },
          },
        ],
        imageUrl: row.photo_key ? offerPhotoPath(organisationId, id) : null,
      } satisfies FeedItem
    })
  },
}

/**
 * Official notices of verified town halls and posts of verified
 * associations (the same rows, told apart by the author's kind), for
 * residents of the town (whole-town ones) or of the chosen neighbourhoods.
 */
export const noticesFeedSource: FeedSource = {
  name: NOTICES_SOURCE,
  kinds: ['notice', 'association_post'],
  labels: { kinds: 'organisations.feed.kinds' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    const { viewer, filters, limit } = page
    if (viewer.neighbourhoodId === null || limit <= 0 || filters.category) return []
    const authorKinds =
      filters.kind === 'notice'
        ? ['town_hall']
        : filters.kind === 'association_post'
          ? ['association']
          : filters.kind
            ? []
            : ['town_hall', 'association']
    if (authorKinds.length === 0) return []
    const { conditions, bindings } = pageConditions(page, NOTICES_SOURCE, 'nt')
    const rows = await preparedRows<any>(
      `SELECT nt.id, nt.title, nt.text, nt.published_at, nt.pinned_until,
              nt.author_id, o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind
         FROM notices nt JOIN organisations o ON o.id = nt.organisation_id
        WHERE o.verification_status = 'verified' AND o.kind = ANY(?::text[])
          AND ${noticeReachesViewer()}
          AND ${conditions.join(' AND ')}
        ORDER BY nt.published_at DESC, nt.id DESC LIMIT ?`,
      [
        `{${authorKinds.join(',')}}`,
        page.viewer.townId ?? 0,
        page.viewer.neighbourhoodId!,
        ...bindings,
        page.limit,
      ]
    )
    const now = Date.now()
    return rows.map((row: any) => {
      const official = row.organisation_kind === 'town_hall'
      const badges: FeedItem['badges'] = [
        { key: official ? 'organisations.feed.official' : 'organisations.feed.association' },
      ]
      if (row.pinned_until && new Date(row.pinned_until).getTime() > now) {
        badges.push({ key: 'organisations.feed.pinned' })
      }
      return {
        source: NOTICES_SOURCE,
        id: Number(row.id),
        publishedAt: new Date(row.published_at),
        kind: official ? 'notice' : 'association_post',
        category: null,
        title: row.title,
        summary: summaryOf(row.text),
        url: noticePath(Number(row.organisation_id), Number(row.id)),
        author: { name: row.organisation_name, street: null },
        scope: 'town',
        neighbourhoodName: null,
        neighbourhoodId: null,
        authorId: accountId(row.author_id),
        badges,
        imageUrl: null,
      } satisfies FeedItem
    })
  },
}
