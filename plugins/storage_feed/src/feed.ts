/**
 * Reading the "Storage offer feed format" (sdk/README.md): a static JSON
 * file a storage provider publishes. Unknown fields are ignored (minor
 * versions only add optional ones); an entry that breaks the format is
 * skipped on its own, so one typo does not hide the whole feed.
 */
export const FEED_FORMAT = 'quartier-storage-feed'
export const FEED_MAJOR = 1
export const MAX_FEED_OFFERS = 1000
export const SPACE_TYPES = ['cellar', 'garage', 'parking', 'room', 'box', 'attic', 'other'] as const
export const PRICE_PERIODS = ['day', 'week', 'month', 'year'] as const

export interface FeedEntry {
  id: string
  title: string
  description?: string
  spaceType: (typeof SPACE_TYPES)[number]
  areaM2?: number
  volumeM3?: number
  price?: { amount: number; currency: string; per: (typeof PRICE_PERIODS)[number] }
  priceText?: string
  latitude: number
  longitude: number
  label?: string
  /** ISO strings: entries are cached as JSON. */
  availableFrom?: string
  availableUntil?: string
  url: string
  imageUrl?: string
  expiresAt: string
}

export interface Feed {
  publisher: { name: string; url: string }
  generatedAt: string
  entries: FeedEntry[]
  /** Why entries were skipped (logged by the plugin). */
  skipped: string[]
}

/** The feed itself is unusable (not the format, unsupported version): names what is wrong. */
export class FeedFormatError extends Error {
  constructor(detail: string) {
    super(`storage feed: ${detail}`)
    this.name = 'FeedFormatError'
  }
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
const finite = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined
  return new URL(value).protocol === 'https:' ? value : undefined
}

function readEntry(raw: unknown, fallbackExpiry: string): FeedEntry | string {
  if (!isObject(raw)) return 'an entry is not an object'
  const id = text(raw.id)
  if (!id || id.length > 100) return 'an entry has no id (1 to 100 characters)'
  const title = text(raw.title)
  if (!title) return `entry ${id}: no title`
  const space = isObject(raw.space) ? raw.space : {}
  const spaceType = SPACE_TYPES.find((type) => type === space.type) ?? 'other'
  const location = isObject(raw.location) ? raw.location : {}
  const latitude = finite(location.latitude)
  const longitude = finite(location.longitude)
  if (
    latitude === undefined ||
    longitude === undefined ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  ) {
    return `entry ${id}: location needs a latitude and a longitude`
  }
  const url = httpsUrl(raw.url)
  if (!url) return `entry ${id}: url must be an https link`
  const entry: FeedEntry = {
    id,
    title,
    spaceType,
    latitude,
    longitude,
    url,
    expiresAt: isoDate(raw.expiresAt) ?? fallbackExpiry,
  }
  const description = text(raw.description)
  if (description) entry.description = description
  const areaM2 = finite(space.areaM2)
  if (areaM2 !== undefined && areaM2 > 0) entry.areaM2 = areaM2
  const volumeM3 = finite(space.volumeM3)
  if (volumeM3 !== undefined && volumeM3 > 0) entry.volumeM3 = volumeM3
  if (isObject(raw.price)) {
    const amount = finite(raw.price.amount)
    const currency =
      typeof raw.price.currency === 'string' && /^[A-Z]{3}$/.test(raw.price.currency)
        ? raw.price.currency
        : undefined
    const per = PRICE_PERIODS.find((period) => period === (raw.price as Json).per)
    if (amount !== undefined && amount >= 0 && currency && per)
      entry.price = { amount, currency, per }
  }
  const priceText = text(raw.priceText)
  if (priceText) entry.priceText = priceText
  const label = text(location.label)
  if (label) entry.label = label
  const availableFrom = isoDate(raw.availableFrom)
  if (availableFrom) entry.availableFrom = availableFrom
  const availableUntil = isoDate(raw.availableUntil)
  if (availableUntil) entry.availableUntil = availableUntil
  const imageUrl = httpsUrl(raw.imageUrl)
  if (imageUrl) entry.imageUrl = imageUrl
  return entry
}

/** Parses a feed document; throws FeedFormatError when the document itself is not a usable feed. */
export function readFeed(document: unknown): Feed {
  if (!isObject(document) || document.format !== FEED_FORMAT) {
    throw new FeedFormatError(`"format" must be "${FEED_FORMAT}"`)
  }
  const version =
    typeof document.version === 'string' ? /^(\d+)\.(\d+)$/.exec(document.version) : null
  if (!version || Number(version[1]) !== FEED_MAJOR) {
    throw new FeedFormatError(
      `version ${JSON.stringify(document.version)} is not supported (1.x expected)`
    )
  }
  const publisher = isObject(document.publisher) ? document.publisher : {}
  const name = text(publisher.name)
  const url = httpsUrl(publisher.url)
  if (!name || !url) throw new FeedFormatError('"publisher" needs a name and an https url')
  const generatedAt = isoDate(document.generatedAt)
  if (!generatedAt) throw new FeedFormatError('"generatedAt" must be an ISO date-time')
  const validUntil =
    isoDate(document.validUntil) ??
    new Date(new Date(generatedAt).getTime() + 7 * 86_400_000).toISOString()
  if (!Array.isArray(document.offers)) throw new FeedFormatError('"offers" must be a list')
  if (document.offers.length > MAX_FEED_OFFERS) {
    throw new FeedFormatError(
      `"offers" holds ${document.offers.length} entries, at most ${MAX_FEED_OFFERS} allowed`
    )
  }
  const feed: Feed = {
    publisher: { name: name.slice(0, 120), url },
    generatedAt,
    entries: [],
    skipped: [],
  }
  const seen = new Set<string>()
  for (const raw of document.offers) {
    const entry = readEntry(raw, validUntil)
    if (typeof entry === 'string') {
      feed.skipped.push(entry)
    } else if (seen.has(entry.id)) {
      feed.skipped.push(`entry ${entry.id}: repeated id`)
    } else {
      seen.add(entry.id)
      feed.entries.push(entry)
    }
  }
  return feed
}
