import db from '@adonisjs/lucid/services/db'
import formatters from '@poppinss/intl-formatter'
import {
  olderThanClause,
  visibilityClause,
  type FeedItem,
  type FeedPage,
  type FeedSource,
  type FeedViewer,
} from '#modules/feed/index'
import { neighbourhoodNames, type Scope } from '#modules/neighbourhoods/index'
import type { OfferKind } from '#sdk'
import { partnerHost } from '#modules/partners/services/host'

export const SOURCE_NAME = 'partners'

/** The feed's kind for each offer kind: partner rides sit with the neighbours' rides. */
export const FEED_KINDS: Record<OfferKind, string> = {
  ride: 'ride',
  car: 'car_sharing',
  storage: 'storage',
  other: 'partner',
}

interface Row {
  id: number
  plugin_id: string
  kind: OfferKind
  title: string
  summary: string
  scope: Scope
  neighbourhood_id: number
  published_at: Date
  offer: { priceText?: string; attribution?: string; availability?: { from?: string } }
}

export function offerPath(id: number): string {
  return `/partners/go/${id}`
}

/**
 * The cached offers a viewer may see, as one SQL condition on
 * partner_offers `o`: the feed's scope rule, not expired, from a plugin
 * loaded in this process and not switched off in the offer's town. The
 * redirect applies the same condition to the one offer it follows.
 */
export function visibleOffers(viewer: FeedViewer, pluginIds: readonly string[]) {
  const scope = visibilityClause(viewer, {
    neighbourhoodId: 'o.neighbourhood_id',
    townId: 'o.town_id',
    scope: 'o.scope',
  })
  return {
    sql: `${scope.sql} AND o.expires_at > now() AND o.plugin_id = ANY(?::text[])
          AND NOT EXISTS (SELECT 1 FROM partner_town_switches s
                           WHERE s.plugin_id = o.plugin_id AND s.town_id = o.town_id
                             AND NOT s.enabled)`,
    bindings: [...scope.bindings, [...pluginIds]] as (string | number | string[])[],
  }
}

function badgesOf(row: Row, locale: string): FeedItem['badges'] {
  const badges: FeedItem['badges'] = [{ key: 'partners.card.badge' }]
  const price = row.offer.priceText
  if (typeof price === 'string' && price.length > 0) {
    badges.push({ key: 'partners.card.price', values: { price } })
  }
  const from = row.offer.availability?.from ? new Date(row.offer.availability.from) : null
  if (row.kind === 'ride' && from && !Number.isNaN(from.getTime())) {
    const when = formatters
      .date(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Paris',
      })
      .format(from)
    badges.push({ key: 'partners.card.departs', values: { when } })
  }
  return badges
}

/**
 * Partner offers in the local feed: what the refresh job cached for the
 * viewer's neighbourhood (its search area reaches a short walk beyond
 * the outline; offers stay in their neighbourhood's scope, so residents
 * of nearby ones do not get the same car twice). Never calls a plugin:
 * a slow or failing partner cannot slow the page. The card names the
 * plugin's attribution in the author's place and links to the host's
 * redirect, which records the click.
 */
export const partnersFeedSource: FeedSource = {
  name: SOURCE_NAME,
  /** Only the kinds of the plugins loaded: without partners, the filters are as before. */
  get kinds() {
    const kinds = new Set<string>()
    for (const plugin of partnerHost.active()) {
      if (!plugin.manifest.capabilities.includes('offers.list')) continue
      for (const kind of plugin.manifest.offerKinds) kinds.add(FEED_KINDS[kind])
    }
    return [...kinds]
  },
  labels: { kinds: 'partners.kinds' },

  async items(page: FeedPage): Promise<FeedItem[]> {
    const { viewer, filters, before, limit } = page
    const pluginIds = partnerHost.activeIds()
    if (viewer.neighbourhoodId === null || limit <= 0 || pluginIds.length === 0) return []
    if (filters.category) return []
    const visible = visibleOffers(viewer, pluginIds)
    const older = olderThanClause(before, SOURCE_NAME, {
      publishedAt: 'o.published_at',
      id: 'o.id',
    })
    const conditions = [visible.sql, older.sql]
    const bindings: (string | number | Date | string[])[] = [...visible.bindings, ...older.bindings]
    if (filters.kind) {
      const kinds = Object.entries(FEED_KINDS)
        .filter(([, feedKind]) => feedKind === filters.kind)
        .map(([kind]) => kind)
      if (kinds.length === 0) return []
      conditions.push('o.kind = ANY(?::text[])')
      bindings.push(kinds)
    }
    const q = filters.q?.trim()
    if (q) {
      conditions.push(
        "o.search @@ (websearch_to_tsquery('quartier_fr', ?) || websearch_to_tsquery('quartier_en', ?))"
      )
      bindings.push(q, q)
    }
    const { rows } = await db.rawQuery<{ rows: Row[] }>(
      `SELECT o.id, o.plugin_id, o.kind, o.title, o.summary, o.scope, o.neighbourhood_id,
              o.published_at, o.offer
         FROM partner_offers o
        WHERE ${conditions.join(' AND ')}
        ORDER BY o.published_at DESC, o.id DESC
        LIMIT ?`,
      [...bindings, limit]
    )
    if (rows.length === 0) return []
    const places = await neighbourhoodNames([
      ...new Set(rows.map((row) => Number(row.neighbourhood_id))),
    ])
    return rows.map((row) => {
      const id = Number(row.id)
      const neighbourhoodId = Number(row.neighbourhood_id)
      const attribution =
        (typeof row.offer.attribution === 'string' && row.offer.attribution) ||
        partnerHost.plugin(row.plugin_id)?.manifest.display.attribution ||
        row.plugin_id
      return {
        source: SOURCE_NAME,
        id,
        publishedAt: new Date(row.published_at),
        kind: FEED_KINDS[row.kind] ?? 'partner',
        category: null,
        title: row.title,
        summary: row.summary,
        url: offerPath(id),
        author: { name: attribution, street: null },
        scope: row.scope,
        neighbourhoodName: places.get(neighbourhoodId)?.name ?? null,
        neighbourhoodId,
        badges: badgesOf(row, viewer.locale),
        /** Partner images stay out: third-party hosts are outside our CSP and would see who reads. */
        imageUrl: null,
      }
    })
  },
}
