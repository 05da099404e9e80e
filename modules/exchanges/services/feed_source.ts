import { publicName } from '#modules/verification/index'
import db from '@adonisjs/lucid/services/db'
import { preparedRows } from '#app/database/prepared'
import { accounts } from '#modules/accounts/index'
import {
  olderThanClause,
  visibilityBranches,
  type FeedItem,
  type FeedPage,
  type FeedSource,
} from '#modules/feed/index'
import { neighbourhoodNames, type Scope } from '#modules/neighbourhoods/index'
import { exchangePath, photoPath } from '#modules/exchanges/services/exchange_links'
import { formatPrice } from '#modules/exchanges/services/money'
import { departureText, timeText, weekdayNames } from '#modules/exchanges/services/ride_text'
import { CATEGORIES, KINDS } from '#modules/exchanges/services/settings'

export const SOURCE_NAME = 'exchanges'

interface Row {
  id: number
  direction: string
  kind: string
  category: string | null
  title: string
  description: string
  price_cents: number | null
  scope: Scope
  neighbourhood_id: number
  author_id: number
  author_street: string | null
  published_at: Date
  from_label: string | null
  to_label: string | null
  departs_at: Date | null
  weekdays: number[] | null
  departure_time: string | null
  seats_left: number | null
  photo_id: number | null
}

type Binding = string | number | Date

/** A short plain-text summary: the first words of the description. */
function summaryOf(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`
}

/**
 * Open exchanges in the local feed. The scope rule is the feed's
 * visibilityBranches() (unverified viewers: their own neighbourhood only);
 * the query is split along its three branches (own neighbourhood, nearby
 * ones, the town), each walking its partial index newest first and
 * stopping at the page size, then merged: no OFFSET, no sort of every
 * visible row. Keyset with olderThanClause(); filters by kind, category
 * and full text (French and English configurations, accents ignored).
 */
export const exchangesFeedSource: FeedSource = {
  name: SOURCE_NAME,
  kinds: KINDS,
  categories: CATEGORIES,
  labels: { kinds: 'exchanges.kinds', categories: 'exchanges.categories' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    const { viewer, filters, before, limit } = page
    if (viewer.neighbourhoodId === null || limit <= 0) return []
    if (filters.kind && !(KINDS as readonly string[]).includes(filters.kind)) return []
    if (filters.category && !(CATEGORIES as readonly string[]).includes(filters.category)) {
      return []
    }

    const older = olderThanClause(before, SOURCE_NAME, {
      publishedAt: 'e.published_at',
      id: 'e.id',
    })
    /** Still open (the hourly job may not have closed what just ended). */
    const conditions: string[] = [
      "e.status = 'open'",
      'e.expires_at > now()',
      /** Hidden by moderation: out of the feed for everyone (its author finds it in "mine"). */
      'e.hidden_at IS NULL',
      older.sql,
    ]
    const bindings: Binding[] = [...older.bindings]
    /**
     * Implied by the keyset clause, but as a plain range the index scan
     * starts at the cursor instead of walking past every newer row.
     */
    if (before) {
      conditions.push('e.published_at < ?')
      bindings.push(new Date(before.publishedAt.getTime() + 1))
    }
    if (filters.kind) {
      conditions.push('e.kind = ?')
      bindings.push(filters.kind)
    }
    if (filters.category) {
      conditions.push('e.category = ?')
      bindings.push(filters.category)
    }
    const q = filters.q?.trim()
    if (q) {
      conditions.push(
        "e.search @@ (websearch_to_tsquery('quartier_fr', ?) || websearch_to_tsquery('quartier_en', ?))"
      )
      bindings.push(q, q)
    }

    /**
     * The scope rule's disjoint branches (own neighbourhood, each nearby
     * one, the rest of the town), each read newest first from its partial
     * index; UNION ALL under one ORDER BY ... LIMIT lets PostgreSQL merge
     * them and stop every scan once the page is full.
     */
    const where = conditions.join(' AND ')
    /**
     * The page size is written into the SQL (an integer we checked), not
     * bound: a bound LIMIT keeps PostgreSQL from costing the merge as the
     * early stop it is, so it would never settle on a cached plan.
     */
    const pageSize = Math.min(Math.max(Math.trunc(limit), 1), 200)
    const newest = `ORDER BY e.published_at DESC, e.id DESC LIMIT ${pageSize}`
    const branches = visibilityBranches(viewer, {
      neighbourhoodId: 'e.neighbourhood_id',
      townId: 'e.town_id',
      scope: 'e.scope',
    })
    const union = branches
      .map(
        (branch) => `(SELECT e.id, e.published_at FROM exchanges e
                       WHERE ${branch.sql} AND ${where} ${newest})`
      )
      .join(' UNION ALL ')
    const unionBindings = branches.flatMap((branch) => [...branch.bindings, ...bindings])

    const pageSql = `WITH page AS (
         SELECT id, published_at FROM (${union}) AS branches
          ORDER BY published_at DESC, id DESC LIMIT ${pageSize}
       )
       SELECT e.id, e.direction, e.kind, e.category, e.title, e.description, e.price_cents,
              e.scope, e.neighbourhood_id, e.author_id, e.author_street, e.published_at,
              r.from_label, r.to_label, r.departs_at, r.weekdays, r.departure_time, r.seats_left,
              (SELECT p.id FROM exchange_photos p WHERE p.exchange_id = e.id
                ORDER BY p.id LIMIT 1) AS photo_id
         FROM page JOIN exchanges e ON e.id = page.id
         LEFT JOIN exchange_rides r ON r.exchange_id = e.id
        ORDER BY e.published_at DESC, e.id DESC`
    const pageBindings = unionBindings
    /** Prepared (plan cached per connection) except for a search, whose plan depends on the word. */
    const rows = q
      ? await db.rawQuery<{ rows: Row[] }>(pageSql, pageBindings).then((result) => result.rows)
      : await preparedRows<Row>(pageSql, pageBindings)
    if (rows.length === 0) return []

    const [names, places] = await Promise.all([
      accounts.displayNames(rows.map((row) => Number(row.author_id))),
      neighbourhoodNames(rows.map((row) => Number(row.neighbourhood_id))),
    ])
    return rows.map((row) => toItem(row, viewer, names, places))
  },
}

function toItem(
  row: Row,
  viewer: FeedPage['viewer'],
  names: Map<number, string>,
  places: Map<number, { name: string }>
): FeedItem {
  const id = Number(row.id)
  const locale = viewer.locale
  const badges: FeedItem['badges'] = [{ key: `exchanges.directions.${row.direction}` }]
  badges.push(
    row.price_cents === null
      ? { key: 'exchanges.price.free' }
      : { key: 'exchanges.price.amount', values: { amount: formatPrice(row.price_cents, locale) } }
  )
  let summary = summaryOf(row.description)
  if (row.kind === 'ride' && row.from_label && row.to_label) {
    summary = `${row.from_label} → ${row.to_label}`
    if (row.departs_at) {
      badges.push({
        key: 'exchanges.badges.departs',
        values: { when: departureText(new Date(row.departs_at), locale) },
      })
    } else if (row.weekdays) {
      badges.push({
        key: 'exchanges.badges.weekly',
        values: {
          days: weekdayNames(row.weekdays.map(Number), locale),
          time: timeText(row.departure_time),
        },
      })
    }
    if (row.direction === 'offer' && row.seats_left !== null) {
      badges.push({ key: 'exchanges.badges.seats_left', values: { count: Number(row.seats_left) } })
    }
  }
  const authorName = names.get(Number(row.author_id))
  const neighbourhoodId = Number(row.neighbourhood_id)
  return {
    source: SOURCE_NAME,
    id,
    publishedAt: new Date(row.published_at),
    kind: row.kind,
    category: row.category,
    title: row.title,
    summary,
    url: exchangePath(id),
    author: authorName
      ? { name: publicName(authorName, viewer.trust), street: row.author_street }
      : null,
    scope: row.scope,
    neighbourhoodName: places.get(neighbourhoodId)?.name ?? null,
    neighbourhoodId,
    authorId: Number(row.author_id),
    badges,
    imageUrl: row.photo_id === null ? null : photoPath(id, Number(row.photo_id)),
  }
}
