import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { truncateText } from '#sdk'
import { partnerHost, type AreaOffers } from '#modules/partners/services/host'
import { areasToRefresh, type NeighbourhoodArea } from '#modules/partners/queries/search_areas'
import { switchedOff } from '#modules/partners/queries/switches'

export interface RefreshReport {
  neighbourhoods: number
  stored: number
  /** Plugin calls that failed (their cached offers were kept until they expire). */
  failed: number
  expired: number
}

type Offer = AreaOffers['offers'][number]

/**
 * The card's line under the title: the description, else "from → to" for
 * a ride or the place, unless the title already says just that.
 */
function summaryOf(offer: Offer): string {
  const from = offer.location.label
  const to = offer.destination?.label
  const candidates = [
    offer.description?.replace(/\s+/g, ' '),
    offer.kind === 'ride' && from && to ? `${from} → ${to}` : undefined,
    from,
  ]
  const line = candidates.find((text) => text && text.trim() !== offer.title.trim())
  return line ? truncateText(line, 280) : ''
}

/** The offer as the plugin gave it (validated), without the host's own tags. */
function storedOffer(offer: Offer) {
  const clean: Record<string, unknown> = { ...offer }
  for (const tag of ['pluginId', 'key', 'distanceMeters']) delete clean[tag]
  return clean
}

/**
 * Asks every active plugin (not switched off in the town) for the offers
 * of each lived-in neighbourhood's area, in parallel per neighbourhood,
 * and caches the answers: a plugin that answered replaces its offers of
 * that neighbourhood; one that failed keeps its previous ones until they
 * expire. Expired rows are deleted. Idempotent; the job runs it every
 * quarter of an hour and tests call it directly.
 */
export default class RefreshPartnerOffers {
  async execute(options: { neighbourhoodIds?: number[] } = {}): Promise<RefreshReport> {
    await partnerHost.ensureLoaded()
    const report: RefreshReport = { neighbourhoods: 0, stored: 0, failed: 0, expired: 0 }
    const plugins = partnerHost
      .active()
      .filter((plugin) => plugin.manifest.capabilities.includes('offers.list'))
    if (plugins.length > 0) {
      const { offers, refresh } = partnerHost.settings
      const [areas, off] = await Promise.all([
        areasToRefresh({
          limit: refresh.maxNeighbourhoods,
          marginMeters: offers.marginMeters,
          neighbourhoodIds: options.neighbourhoodIds,
        }),
        switchedOff(),
      ])
      const queue = [...areas]
      const worker = async () => {
        for (let area = queue.shift(); area; area = queue.shift()) {
          const ids = plugins
            .map((plugin) => plugin.id)
            .filter((id) => !off.has(`${id}:${area.townId}`))
          const now = new Date(partnerHost.now())
          const window = {
            from: now,
            until: new Date(now.getTime() + offers.windowHours * 3600_000),
          }
          const results = ids.length > 0 ? await partnerHost.listOffers(area.area, window, ids) : []
          /** Awaited first: `report.stored += await ...` would lose the other worker's count. */
          const stored = await this.store(area, results, now, offers.ttlMinutes)
          report.neighbourhoods += 1
          report.failed += results.filter((result) => !result.ok).length
          report.stored += stored
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, refresh.parallelNeighbourhoods) }, worker))
    }
    /** The host's clock, as for the expiries written above. */
    const { rows } = await db.rawQuery<{ rows: unknown[] }>(
      'DELETE FROM partner_offers WHERE expires_at <= ? RETURNING id',
      [new Date(partnerHost.now())]
    )
    report.expired = rows.length
    await partnerHost.stats.flush()
    return report
  }

  private async store(
    area: NeighbourhoodArea,
    results: AreaOffers[],
    now: Date,
    ttlMinutes: number
  ): Promise<number> {
    const cacheLimit = now.getTime() + ttlMinutes * 60_000
    let stored = 0
    await db.transaction(async (trx: TransactionClientContract) => {
      for (const result of results.filter((answer) => answer.ok)) {
        await trx
          .from('partner_offers')
          .where('plugin_id', result.pluginId)
          .where('neighbourhood_id', area.neighbourhoodId)
          .whereNotIn(
            'offer_id',
            result.offers.map((offer) => offer.id)
          )
          .delete()
        if (result.offers.length === 0) continue
        await trx
          .knexQuery()
          .table('partner_offers')
          .insert(
            result.offers.map((offer) => ({
              plugin_id: result.pluginId,
              offer_id: offer.id,
              neighbourhood_id: area.neighbourhoodId,
              town_id: area.townId,
              scope: 'neighbourhood',
              kind: offer.kind,
              title: offer.title,
              summary: summaryOf(offer),
              offer: JSON.stringify(storedOffer(offer)),
              distance_m: offer.distanceMeters,
              published_at: now,
              fetched_at: now,
              expires_at: new Date(Math.min(offer.expiresAt.getTime(), cacheLimit)),
            }))
          )
          .onConflict(['plugin_id', 'neighbourhood_id', 'offer_id'])
          .merge([
            'town_id',
            'kind',
            'title',
            'summary',
            'offer',
            'distance_m',
            'fetched_at',
            'expires_at',
          ])
        stored += result.offers.length
      }
      await trx.rawQuery(
        `INSERT INTO partner_refreshes (neighbourhood_id, refreshed_at) VALUES (?, ?)
         ON CONFLICT (neighbourhood_id) DO UPDATE SET refreshed_at = excluded.refreshed_at`,
        [area.neighbourhoodId, now]
      )
    })
    return stored
  }
}
