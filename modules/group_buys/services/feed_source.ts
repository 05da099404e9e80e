import { publicName } from '#modules/verification/index'
import { preparedRows } from '#app/database/prepared'
import { accounts } from '#modules/accounts/index'
import {
  olderThanClause,
  visibilityClause,
  type FeedItem,
  type FeedPage,
  type FeedSource,
} from '#modules/feed/index'
import { neighbourhoodNames, type Scope } from '#modules/neighbourhoods/index'
import { groupBuyPath } from '#modules/group_buys/services/links'
import {
  formatCents,
  formatQuantity,
  nextTier,
  unitPriceFor,
  type PriceTier,
} from '#modules/group_buys/services/pricing'
import type { Unit } from '#modules/group_buys/services/settings'

export const SOURCE_NAME = 'group_buys'
/** The one kind this source shows (the feed's kind filter). */
export const KIND = 'group_buy'

interface Row {
  id: number
  title: string
  product: string
  description: string
  unit: Unit
  base_unit_price_cents: number
  min_total_milli: number | string
  total_milli: number | string
  deadline: Date
  scope: Scope
  neighbourhood_id: number
  organiser_id: number
  organiser_street: string | null
  published_at: Date
  tiers: { minTotalMilli: number | string; unitPriceCents: number }[]
}

type Binding = string | number | Date

/** A short plain-text summary: the product, then the first words of the description. */
function summaryOf(row: Row, max = 180): string {
  const flat = [row.product, row.description].join(' · ').replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat.replace(/ · $/, '')
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))}…`
}

/**
 * Open campaigns (before their deadline) in the local feed: the scope
 * rule is the feed's visibilityClause(), served by the partial indexes on
 * open campaigns (few rows: a neighbourhood runs a handful at a time);
 * keyset with olderThanClause(); full text on the generated `search`
 * column (French and English, accents ignored). Drafts and campaigns past
 * their deadline never show.
 */
export const groupBuysFeedSource: FeedSource = {
  name: SOURCE_NAME,
  kinds: [KIND],
  labels: { kinds: 'group_buys.feed.kinds' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    const { viewer, filters, before, limit } = page
    if (viewer.neighbourhoodId === null || limit <= 0) return []
    if (filters.kind && filters.kind !== KIND) return []
    /** Campaigns have no category: a category filter is for other sources. */
    if (filters.category) return []

    const older = olderThanClause(before, SOURCE_NAME, {
      publishedAt: 'g.published_at',
      id: 'g.id',
    })
    /** Still open (the closing job may not have run yet). */
    const conditions: string[] = [
      "g.status = 'open'",
      'g.deadline > now()',
      /** Hidden by moderation: out of the feed for everyone. */
      'g.hidden_at IS NULL',
      older.sql,
    ]
    const bindings: Binding[] = [...older.bindings]
    if (before) {
      conditions.push('g.published_at < ?')
      bindings.push(new Date(before.publishedAt.getTime() + 1))
    }
    const q = filters.q?.trim()
    if (q) {
      conditions.push(
        "g.search @@ (websearch_to_tsquery('quartier_fr', ?) || websearch_to_tsquery('quartier_en', ?))"
      )
      bindings.push(q, q)
    }

    const visible = visibilityClause(viewer, {
      neighbourhoodId: 'g.neighbourhood_id',
      townId: 'g.town_id',
      scope: 'g.scope',
    })
    const rows = await preparedRows<Row>(
      `SELECT g.id, g.title, g.product, g.description, g.unit, g.base_unit_price_cents,
              g.min_total_milli, g.total_milli, g.deadline, g.scope, g.neighbourhood_id,
              g.organiser_id, g.organiser_street, g.published_at,
              coalesce((SELECT json_agg(json_build_object(
                         'minTotalMilli', t.min_total_milli, 'unitPriceCents', t.unit_price_cents))
                  FROM group_buy_tiers t WHERE t.group_buy_id = g.id), '[]'::json) AS tiers
         FROM group_buys g
        WHERE ${visible.sql} AND ${conditions.join(' AND ')}
        ORDER BY g.published_at DESC, g.id DESC LIMIT ?`,
      [...visible.bindings, ...bindings, limit]
    )
    if (rows.length === 0) return []

    const [names, places] = await Promise.all([
      accounts.displayNames(rows.map((row) => Number(row.organiser_id))),
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
  const total = Number(row.total_milli)
  const minimum = Number(row.min_total_milli)
  const tiers: PriceTier[] = row.tiers.map((tier) => ({
    minTotalMilli: Number(tier.minTotalMilli),
    unitPriceCents: Number(tier.unitPriceCents),
  }))
  const price = unitPriceFor(Number(row.base_unit_price_cents), tiers, total)
  const badges: FeedItem['badges'] = [
    {
      key: `group_buys.price_per.${row.unit}`,
      values: { price: formatCents(price, locale) },
    },
    {
      key: total >= minimum ? 'group_buys.feed.reached' : 'group_buys.feed.progress',
      values: {
        total: formatQuantity(total, row.unit, locale),
        minimum: formatQuantity(minimum, row.unit, locale),
      },
    },
  ]
  const next = nextTier(tiers, total)
  if (next) {
    badges.push({
      key: 'group_buys.feed.next',
      values: {
        missing: formatQuantity(next.minTotalMilli - total, row.unit, locale),
        price: formatCents(next.unitPriceCents, locale),
      },
    })
  }
  badges.push({
    key: 'group_buys.feed.deadline',
    values: {
      date: new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Paris',
      }).format(new Date(row.deadline)),
    },
  })
  const organiserName = names.get(Number(row.organiser_id))
  const neighbourhoodId = Number(row.neighbourhood_id)
  return {
    source: SOURCE_NAME,
    id,
    publishedAt: new Date(row.published_at),
    kind: KIND,
    category: null,
    title: row.title,
    summary: summaryOf(row),
    url: groupBuyPath(id),
    author: organiserName
      ? { name: publicName(organiserName, viewer.trust), street: row.organiser_street }
      : null,
    scope: row.scope,
    neighbourhoodName: places.get(neighbourhoodId)?.name ?? null,
    neighbourhoodId,
    authorId: Number(row.organiser_id),
    badges,
    imageUrl: null,
  }
}
