/**
 * Shared cars near a neighbourhood, from any operator that publishes GBFS
 * 2.3 or 3.0 (the open shared-mobility feed standard): the cars waiting at
 * stations (station_information + station_status) and the free-floating
 * ones (free_bike_status / vehicle_status), for vehicle types whose
 * form_factor is 'car'.
 */
import vine from '@vinejs/vine'
import {
  SDK_API_VERSION,
  definePlugin,
  distanceMeters,
  isSafeHttpsUrl,
  keepValidOffers,
  mapConfig,
  readJson,
  truncateText,
  type HostContext,
  type PartnerOffer,
  type SearchArea,
} from '@quartier/plugin-sdk'
import {
  GbfsError,
  readCarTypes,
  readDiscovery,
  readFreeVehicles,
  readPricingPlans,
  readStations,
  readSystemInformation,
  type CarType,
  type PricingPlan,
  type SystemInfo,
} from './src/gbfs.js'

const httpsUrl = () => vine.string().url({ protocols: ['https'], require_protocol: true })

const config = mapConfig(
  vine.compile(
    vine.object({
      /** The operator's auto-discovery file, e.g. https://gbfs.example.org/v3/gbfs.json */
      discoveryUrl: httpsUrl(),
      /**
       * URL prefixes the feed files live under, when gbfs.json points to
       * another host (a CDN). Default: the discovery file's origin.
       */
      allowedUrlPrefixes: vine.array(httpsUrl()).minLength(1).maxLength(5).optional(),
      /** Preferred language of names (and of the texts the plugin writes: 'fr' or 'en'). */
      language: vine
        .string()
        .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
        .optional(),
      /** Cars this far beyond the neighbourhood's radius still show (meters). */
      marginMeters: vine.number().min(0).max(5000).optional(),
      /** How long an offer stays valid: availability changes by the minute. */
      offerTtlSeconds: vine.number().min(60).max(3600).optional(),
    })
  ),
  (value) => ({
    ...value,
    allowedUrlPrefixes: value.allowedUrlPrefixes ?? [`${new URL(value.discoveryUrl).origin}/`],
    language: value.language ?? 'fr',
  })
)

type Config = Awaited<ReturnType<typeof config.validate>>

/** Files that change rarely (names, types, prices) are kept a few minutes; statuses never. */
const STATIC_CACHE_SECONDS = 300
const STATIC_FEEDS = new Set([
  'gbfs',
  'system_information',
  'vehicle_types',
  'station_information',
  'system_pricing_plans',
])

const TEXTS = {
  fr: {
    car: 'Voiture',
    freeFloating: 'en libre-service',
    atStation: (count: number) =>
      count > 1
        ? `${count} voitures disponibles à cette station`
        : '1 voiture disponible à cette station',
    range: (km: number) => `Autonomie : ${km} km`,
  },
  en: {
    car: 'Car',
    freeFloating: 'free-floating',
    atStation: (count: number) =>
      count > 1 ? `${count} cars available at this station` : '1 car available at this station',
    range: (km: number) => `Range: ${km} km`,
  },
}

async function fetchFeed(ctx: HostContext<Config>, name: string, url: string): Promise<unknown> {
  const cacheable = STATIC_FEEDS.has(name)
  const key = `gbfs:${url}`
  if (cacheable) {
    const cached = await ctx.cache.get<unknown>(key)
    if (cached !== undefined) return cached
  }
  const document = await readJson(
    await ctx.http.fetch(url, { headers: { accept: 'application/json' } }),
    `GBFS ${name}`
  )
  if (cacheable) await ctx.cache.set(key, document, STATIC_CACHE_SECONDS)
  return document
}

function priceText(plan: PricingPlan | undefined) {
  const text = plan?.description ?? plan?.name
  return text ? truncateText(text.replace(/\s+/g, ' '), 80) : undefined
}

interface Candidate {
  distance: number
  offer: () => PartnerOffer | undefined
}

export default definePlugin({
  manifest: {
    id: 'gbfs_carsharing',
    version: '1.0.0',
    apiVersion: SDK_API_VERSION,
    capabilities: ['offers.list', 'health'],
    network: [{ url: '{config.allowedUrlPrefixes}*', methods: ['GET'] }],
    display: {
      name: 'Car sharing (GBFS)',
      attribution: 'Shared cars from a GBFS car-sharing operator',
    },
    offerKinds: ['car'],
  },
  config,
  setup(ctx) {
    const language = ctx.config.language
    const texts = language.startsWith('fr') ? TEXTS.fr : TEXTS.en
    const margin = ctx.config.marginMeters ?? 500
    const ttlMs = (ctx.config.offerTtlSeconds ?? 600) * 1000

    async function discover() {
      const document = await fetchFeed(ctx, 'gbfs', ctx.config.discoveryUrl)
      return readDiscovery(document, language)
    }

    async function list(area: SearchArea): Promise<PartnerOffer[]> {
      const discovery = await discover()
      if (discovery.major < 2 || !discovery.feeds.has('vehicle_types')) {
        ctx.logger.info('GBFS feed without vehicle types: bicycles only, no cars', {
          version: discovery.version,
        })
        return []
      }
      const vehiclesFeed = discovery.major >= 3 ? 'vehicle_status' : 'free_bike_status'
      const wanted = [
        'system_information',
        'vehicle_types',
        'station_information',
        'station_status',
        vehiclesFeed,
      ]
      /** Prices only decorate the cards: a pricing file that fails costs the prices, not the cars. */
      const pricingUrl = discovery.feeds.get('system_pricing_plans')
      const pricing = pricingUrl
        ? fetchFeed(ctx, 'system_pricing_plans', pricingUrl)
            .then((document) => readPricingPlans(document, language))
            .catch((error: unknown) => {
              ctx.logger.warn('GBFS pricing plans unreadable: offers shown without prices', {
                error: String(error),
              })
              return new Map<string, PricingPlan>()
            })
        : Promise.resolve(new Map<string, PricingPlan>())
      const feeds = new Map(
        await Promise.all(
          wanted
            .filter((name) => discovery.feeds.has(name))
            .map(
              async (name) =>
                [name, await fetchFeed(ctx, name, discovery.feeds.get(name)!)] as const
            )
        )
      )
      const plans = await pricing

      if (!feeds.has('system_information'))
        throw new GbfsError('gbfs.json lists no system_information feed')
      const system: SystemInfo = readSystemInformation(feeds.get('system_information'), language)
      const carTypes = readCarTypes(feeds.get('vehicle_types'), language)
      if (carTypes.size === 0) return []

      const now = ctx.clock.now()
      const expiresAt = new Date(now.getTime() + ttlMs)
      const attribution = truncateText(system.name ?? 'GBFS', 120)
      const fallbackLink = isSafeHttpsUrl(system.url) ? system.url : undefined
      const typeName = (type: CarType) => truncateText(type.name ?? texts.car, 60)
      const image = (type: CarType) => (isSafeHttpsUrl(type.imageUrl) ? type.imageUrl : undefined)
      const candidates: Candidate[] = []

      if (feeds.has('station_information') && feeds.has('station_status')) {
        for (const station of readStations(
          feeds.get('station_information'),
          feeds.get('station_status'),
          language
        )) {
          const distance = distanceMeters(area.center, station)
          if (distance > area.radiusMeters + margin) continue
          for (const [typeId, count] of station.available) {
            const type = carTypes.get(typeId)
            if (!type) continue
            candidates.push({
              distance,
              offer: () => {
                const deepLink = isSafeHttpsUrl(station.web) ? station.web : fallbackLink
                if (!deepLink) return undefined
                return {
                  id: `station:${station.id}:${typeId}`,
                  kind: 'car',
                  title: truncateText(
                    station.name ? `${typeName(type)} · ${station.name}` : typeName(type),
                    120
                  ),
                  description: texts.atStation(count),
                  priceText: priceText(
                    type.pricingPlanId ? plans.get(type.pricingPlanId) : undefined
                  ),
                  location: {
                    point: { latitude: station.latitude, longitude: station.longitude },
                    label: truncateText(station.address ?? station.name ?? '', 120) || undefined,
                  },
                  availability: { from: now },
                  deepLink,
                  imageUrl: image(type),
                  attribution,
                  expiresAt,
                }
              },
            })
          }
        }
      }

      if (feeds.has(vehiclesFeed)) {
        for (const vehicle of readFreeVehicles(feeds.get(vehiclesFeed), discovery.major)) {
          const type = vehicle.typeId ? carTypes.get(vehicle.typeId) : undefined
          if (!type) continue
          const distance = distanceMeters(area.center, vehicle)
          if (distance > area.radiusMeters + margin) continue
          candidates.push({
            distance,
            offer: () => {
              const deepLink = isSafeHttpsUrl(vehicle.web) ? vehicle.web : fallbackLink
              if (!deepLink) return undefined
              const until = vehicle.availableUntil ? new Date(vehicle.availableUntil) : undefined
              const validUntil = until && !Number.isNaN(until.getTime()) ? until : undefined
              const planId = vehicle.pricingPlanId ?? type.pricingPlanId
              return {
                id: `vehicle:${vehicle.id}`,
                kind: 'car',
                title: truncateText(`${typeName(type)} · ${texts.freeFloating}`, 120),
                description:
                  vehicle.rangeMeters === undefined
                    ? undefined
                    : texts.range(Math.floor(vehicle.rangeMeters / 1000)),
                priceText: priceText(planId ? plans.get(planId) : undefined),
                location: { point: { latitude: vehicle.latitude, longitude: vehicle.longitude } },
                availability: { from: now, until: validUntil },
                deepLink,
                imageUrl: image(type),
                attribution,
                expiresAt: validUntil && validUntil < expiresAt ? validUntil : expiresAt,
              }
            },
          })
        }
      }

      const offers = candidates
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 400)
        .map((candidate) => candidate.offer())
        .filter((offer): offer is PartnerOffer => offer !== undefined)
      return keepValidOffers(offers, {
        now,
        kinds: ['car'],
        onDrop: (rejected) => ctx.logger.warn('GBFS: offer dropped', rejected),
      })
    }

    return {
      offers: { list },
      async health() {
        try {
          const discovery = await discover()
          return {
            ok: discovery.major >= 2,
            detail: `GBFS ${discovery.version}, ${discovery.feeds.size} feeds`,
          }
        } catch (error) {
          return { ok: false, detail: error instanceof Error ? error.message : String(error) }
        }
      },
    }
  },
})
