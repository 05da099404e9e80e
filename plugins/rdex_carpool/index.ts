/**
 * Carpool rides from any platform that speaks RDEX (Ridesharing Data
 * EXchange), the open API French carpooling platforms use to share their
 * journeys: for each destination the operator configured, the drivers
 * leaving from the neighbourhood within the time window.
 */
import vine from '@vinejs/vine'
import {
  NotSupported,
  SDK_API_VERSION,
  definePlugin,
  isSafeHttpsUrl,
  keepValidOffers,
  readJson,
  truncateText,
  type HostContext,
  type PartnerOffer,
  type SearchArea,
  type TimeWindow,
} from '@quartier/plugin-sdk'
import { readRides, signedJourneysUrl, type Ride } from './src/rdex.js'
import { isTimeZone, localDay } from './src/time.js'

const ENV_NAME = /^[A-Z][A-Z0-9_]{1,63}$/

const config = vine.compile(
  vine.object({
    /** The platform's journeys endpoint, e.g. https://rdex.example.org/api/journeys (no query string). */
    journeysUrl: vine
      .string()
      .url({ protocols: ['https'], require_protocol: true })
      .regex(/^[^?#]+$/),
    /** Names of the environment variables holding the keys the platform gave (never the keys themselves). */
    publicKeyEnv: vine.string().regex(ENV_NAME),
    privateKeyEnv: vine.string().regex(ENV_NAME),
    /** Where residents commonly go: one search per destination (town centre, station, business park...). */
    destinations: vine
      .array(
        vine.object({
          label: vine.string().trim().minLength(1).maxLength(60),
          latitude: vine.number().min(-90).max(90),
          longitude: vine.number().min(-180).max(180),
        })
      )
      .minLength(1)
      .maxLength(5),
    /** Shown when a journey does not name its platform. */
    operatorName: vine.string().trim().minLength(1).maxLength(80).optional(),
    /** The platform's time zone (RDEX dates and times are local). */
    timeZone: vine
      .string()
      .optional()
      .use(
        vine.createRule((value, _options, field) => {
          if (typeof value === 'string' && !isTimeZone(value))
            field.report(
              'The {{ field }} field must be a time zone like Europe/Paris',
              'timeZone',
              field
            )
        })()
      ),
    /** Language of the texts the plugin writes (seats, prices). */
    language: vine.enum(['fr', 'en']).optional(),
  })
)

type Config = Awaited<ReturnType<typeof config.validate>>

const TEXTS = {
  fr: {
    seats: (count: number) => (count > 1 ? `${count} places` : '1 place'),
    regular: 'Trajet régulier',
    perKm: '/km',
  },
  en: {
    seats: (count: number) => (count > 1 ? `${count} seats` : '1 seat'),
    regular: 'Regular ride',
    perKm: '/km',
  },
}

function secrets(ctx: HostContext<Config>) {
  const publicKey = ctx.secrets.get(ctx.config.publicKeyEnv)
  const privateKey = ctx.secrets.get(ctx.config.privateKeyEnv)
  const missing = [
    publicKey ? undefined : ctx.config.publicKeyEnv,
    privateKey ? undefined : ctx.config.privateKeyEnv,
  ].filter(Boolean)
  return { publicKey, privateKey, missing }
}

export default definePlugin({
  manifest: {
    id: 'rdex_carpool',
    version: '1.0.0',
    apiVersion: SDK_API_VERSION,
    capabilities: ['offers.list', 'booking.link', 'health'],
    network: [{ url: '{config.journeysUrl}?*', methods: ['GET'] }],
    display: {
      name: 'Carpooling (RDEX)',
      attribution: 'Rides from a carpooling platform (RDEX)',
    },
    offerKinds: ['ride'],
  },
  config,
  setup(ctx) {
    const timeZone = ctx.config.timeZone ?? 'Europe/Paris'
    const language = ctx.config.language ?? 'fr'
    const texts = TEXTS[language]
    const money = (amount: number, digits: number) =>
      new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(amount)

    function toOffer(ride: Ride): PartnerOffer | undefined {
      if (!isSafeHttpsUrl(ride.url)) return undefined
      const details = [
        ride.seats === undefined ? undefined : texts.seats(ride.seats),
        ride.regular ? texts.regular : undefined,
        ride.details,
      ].filter(Boolean)
      const priceText =
        ride.fixedCost !== undefined && ride.fixedCost > 0
          ? money(ride.fixedCost, Number.isInteger(ride.fixedCost) ? 0 : 2)
          : ride.costPerKm !== undefined && ride.costPerKm > 0
            ? `${money(ride.costPerKm, 2)}${texts.perKm}`
            : undefined
      return {
        id: ride.id,
        kind: 'ride',
        title: truncateText(`${ride.from.label ?? '?'} → ${ride.to.label ?? '?'}`, 120),
        description: details.length > 0 ? truncateText(details.join(' · '), 1000) : undefined,
        priceText,
        location: {
          point: { latitude: ride.from.latitude, longitude: ride.from.longitude },
          label: ride.from.label && truncateText(ride.from.label, 120),
        },
        destination: {
          point: { latitude: ride.to.latitude, longitude: ride.to.longitude },
          label: ride.to.label && truncateText(ride.to.label, 120),
        },
        availability: { from: ride.departure, until: ride.latest },
        deepLink: ride.url,
        attribution: truncateText(ride.operator ?? ctx.config.operatorName ?? 'RDEX', 120),
        expiresAt: ride.latest,
      }
    }

    async function list(area: SearchArea, window: TimeWindow): Promise<PartnerOffer[]> {
      const keys = secrets(ctx)
      if (!keys.publicKey || !keys.privateKey) {
        throw new Error(`RDEX: the secret(s) ${keys.missing.join(', ')} are not set`)
      }
      const now = ctx.clock.now()
      const rideWindow = {
        from: window.from,
        until: window.until,
        now,
        timeZone,
        firstDay: localDay(window.from, timeZone),
        lastDay: localDay(window.until, timeZone),
      }
      const timestamp = Math.floor(now.getTime() / 1000)
      const answers = await Promise.allSettled(
        ctx.config.destinations.map(async (destination) => {
          const url = signedJourneysUrl(
            ctx.config.journeysUrl,
            {
              from: area.center,
              to: destination,
              minDate: rideWindow.firstDay,
              maxDate: rideWindow.lastDay,
            },
            { publicKey: keys.publicKey!, privateKey: keys.privateKey! },
            timestamp
          )
          const response = await ctx.http.fetch(url, { headers: { accept: 'application/json' } })
          return readRides(
            await readJson(response, `RDEX journeys to ${destination.label}`),
            rideWindow
          )
        })
      )
      const failures = answers.filter((answer) => answer.status === 'rejected')
      if (failures.length === answers.length) throw failures[0].reason
      if (failures.length > 0) {
        ctx.logger.warn('RDEX: some destinations failed', {
          errors: failures.map((failure) => String(failure.reason)),
        })
      }
      const rides = answers
        .flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : []))
        .sort((a, b) => a.departure.getTime() - b.departure.getTime())
      return keepValidOffers(
        rides.map(toOffer).filter((offer): offer is PartnerOffer => offer !== undefined),
        {
          now,
          kinds: ['ride'],
          onDrop: (rejected) => ctx.logger.warn('RDEX: offer dropped', rejected),
        }
      )
    }

    return {
      offers: { list },
      booking: {
        /** RDEX journeys carry their page on the platform: that is where a resident contacts the driver. */
        async link(offer: PartnerOffer) {
          if (offer.kind !== 'ride' || !isSafeHttpsUrl(offer.deepLink)) {
            throw new NotSupported('RDEX links only rides with an https journey page')
          }
          return offer.deepLink
        },
      },
      async health() {
        const keys = secrets(ctx)
        if (keys.missing.length > 0)
          return { ok: false, detail: `secret(s) not set: ${keys.missing.join(', ')}` }
        return { ok: true, detail: `${ctx.config.destinations.length} destination(s) searched` }
      },
    }
  },
})
