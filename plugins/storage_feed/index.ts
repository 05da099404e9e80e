/**
 * Storage spaces (cellars, garages, boxes...) from a provider that
 * publishes the static JSON "Storage offer feed format" (sdk/README.md):
 * no developer needed on the partner's side, only a file on a web server.
 */
import vine from '@vinejs/vine'
import {
  SDK_API_VERSION,
  definePlugin,
  distanceMeters,
  keepValidOffers,
  readJson,
  truncateText,
  type HostContext,
  type PartnerOffer,
  type SearchArea,
  type TimeWindow,
} from '@quartier/plugin-sdk'
import { readFeed, type Feed, type FeedEntry } from './src/feed.js'

const config = vine.compile(
  vine.object({
    /** The feed file, e.g. https://www.example-storage.fr/quartier/offers.json */
    feedUrl: vine.string().url({ protocols: ['https'], require_protocol: true }),
    /** Language of the texts the plugin writes (prices): the feed's own texts are shown as written. */
    locale: vine.enum(['fr', 'en']).optional(),
    /** Offers this far beyond the neighbourhood's radius still show (meters). */
    marginMeters: vine.number().min(0).max(20_000).optional(),
  })
)

type Config = Awaited<ReturnType<typeof config.validate>>

/** Static files change rarely: one download serves every neighbourhood for a while. */
const FEED_CACHE_SECONDS = 300

const PERIODS = {
  fr: { day: 'jour', week: 'semaine', month: 'mois', year: 'an' },
  en: { day: 'day', week: 'week', month: 'month', year: 'year' },
} as const

function priceText(entry: FeedEntry, locale: 'fr' | 'en') {
  if (entry.priceText) return truncateText(entry.priceText, 80)
  if (!entry.price) return undefined
  const amount = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: entry.price.currency,
    maximumFractionDigits: Number.isInteger(entry.price.amount) ? 0 : 2,
  }).format(entry.price.amount)
  return `${amount} / ${PERIODS[locale][entry.price.per]}`
}

function describe(entry: FeedEntry) {
  const size = [
    entry.areaM2 === undefined ? undefined : `${entry.areaM2} m²`,
    entry.volumeM3 === undefined ? undefined : `${entry.volumeM3} m³`,
  ].filter(Boolean)
  const parts = [size.join(', '), entry.description].filter((part) => part)
  return parts.length > 0 ? truncateText(parts.join(' · '), 1000) : undefined
}

function toOffer(entry: FeedEntry, feed: Feed, locale: 'fr' | 'en'): PartnerOffer {
  const expiresAt = new Date(entry.expiresAt)
  const until = entry.availableUntil ? new Date(entry.availableUntil) : undefined
  return {
    id: entry.id,
    kind: 'storage',
    title: truncateText(entry.title, 120),
    description: describe(entry),
    priceText: priceText(entry, locale),
    location: {
      point: { latitude: entry.latitude, longitude: entry.longitude },
      label: entry.label ? truncateText(entry.label, 120) : undefined,
    },
    availability: {
      from: entry.availableFrom ? new Date(entry.availableFrom) : undefined,
      until,
    },
    deepLink: entry.url,
    imageUrl: entry.imageUrl,
    attribution: feed.publisher.name,
    expiresAt: until && until < expiresAt ? until : expiresAt,
  }
}

async function loadFeed(ctx: HostContext<Config>): Promise<Feed> {
  const key = `feed:${ctx.config.feedUrl}`
  const cached = await ctx.cache.get<Feed>(key)
  if (cached) return cached
  const response = await ctx.http.fetch(ctx.config.feedUrl, {
    headers: { accept: 'application/json' },
  })
  const feed = readFeed(await readJson(response, 'storage feed'))
  if (feed.skipped.length > 0) {
    ctx.logger.warn('storage feed: entries skipped', {
      count: feed.skipped.length,
      first: feed.skipped.slice(0, 5),
    })
  }
  await ctx.cache.set(key, feed, FEED_CACHE_SECONDS)
  return feed
}

export default definePlugin({
  manifest: {
    id: 'storage_feed',
    version: '1.0.0',
    apiVersion: SDK_API_VERSION,
    capabilities: ['offers.list', 'health'],
    network: [{ url: '{config.feedUrl}', methods: ['GET'] }],
    display: {
      name: 'Storage spaces (offer feed)',
      attribution: 'Storage spaces published by a partner',
    },
    offerKinds: ['storage'],
  },
  config,
  setup(ctx) {
    const locale = ctx.config.locale ?? 'fr'
    const margin = ctx.config.marginMeters ?? 1000

    return {
      offers: {
        async list(area: SearchArea, window: TimeWindow) {
          const feed = await loadFeed(ctx)
          const now = ctx.clock.now()
          const nearby = feed.entries
            .filter(
              (entry) => !entry.availableFrom || new Date(entry.availableFrom) <= window.until
            )
            .map((entry) => ({ entry, distance: distanceMeters(area.center, entry) }))
            .filter(({ distance }) => distance <= area.radiusMeters + margin)
            .sort((a, b) => a.distance - b.distance)
          return keepValidOffers(
            nearby.map(({ entry }) => toOffer(entry, feed, locale)),
            {
              now,
              kinds: ['storage'],
              onDrop: (rejected) => ctx.logger.warn('storage feed: offer dropped', rejected),
            }
          )
        },
      },
      async health() {
        try {
          const feed = await loadFeed(ctx)
          return {
            ok: true,
            detail: `${feed.entries.length} offers, generated ${feed.generatedAt}`,
          }
        } catch (error) {
          return { ok: false, detail: error instanceof Error ? error.message : String(error) }
        }
      },
    }
  },
})
