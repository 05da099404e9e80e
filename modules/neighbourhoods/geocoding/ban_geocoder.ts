import {
  Geocoder,
  GeocoderUnavailable,
  type GeocodedAddress,
} from '#modules/neighbourhoods/geocoding/geocoder'

/** Etalab asks API clients to identify themselves. */
const USER_AGENT = 'Quartier (+https://github.com/quartier)'

/** BAN answers 400 to queries outside these bounds: not worth a request. */
const MIN_QUERY_LENGTH = 3
const MAX_QUERY_LENGTH = 200

const DEFAULT_LIMIT = 5
const MAX_LIMIT = 10

/**
 * Geocoder backed by the French national address API (Base Adresse
 * Nationale, https://api-adresse.data.gouv.fr). The answer is a GeoJSON
 * FeatureCollection; it comes off the wire, so every field is checked
 * before use.
 */
export class BanGeocoder extends Geocoder {
  constructor(
    protected baseUrl: string,
    protected timeoutMs: number
  ) {
    super()
  }

  async search(query: string, options: { limit?: number } = {}): Promise<GeocodedAddress[]> {
    const q = query.trim()
    if (q.length < MIN_QUERY_LENGTH || q.length > MAX_QUERY_LENGTH) return []

    const limit = clampLimit(options.limit)
    const body = await this.#fetchSearch(q, limit)
    if (!isFeatureCollection(body)) throw new GeocoderUnavailable('invalid response')

    return body.features
      .map(toAddress)
      .filter((address) => address !== null)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
  }

  async #fetchSearch(q: string, limit: number): Promise<unknown> {
    // Without a trailing slash, URL resolution would drop the last path
    // segment of a base such as https://proxy.example/ban.
    const base = this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`
    const url = new URL('search/', base)
    url.searchParams.set('q', q)
    url.searchParams.set('limit', String(limit))

    // One budget for the whole exchange: fetch also aborts a body that is
    // still streaming when it runs out.
    const signal = AbortSignal.timeout(this.timeoutMs)
    try {
      const response = await fetch(url, {
        headers: { 'accept': 'application/json', 'user-agent': USER_AGENT },
        signal,
      })
      if (!response.ok) {
        // Frees the connection; the error page itself is of no use.
        await response.body?.cancel().catch(() => {})
        throw new GeocoderUnavailable(`HTTP ${response.status}`)
      }
      return await response.json()
    } catch (error) {
      if (error instanceof GeocoderUnavailable) throw error
      if (signal.aborted) throw unavailable('timeout', error)
      if (error instanceof SyntaxError) throw unavailable('invalid response', error)
      throw unavailable('network error', error)
    }
  }
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT)
}

/** The message stays short (it may reach the user); the cause is for the logs. */
function unavailable(reason: string, cause: unknown): GeocoderUnavailable {
  const error = new GeocoderUnavailable(reason)
  error.cause = cause
  return error
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isFeatureCollection(body: unknown): body is { features: unknown[] } {
  return isRecord(body) && body.type === 'FeatureCollection' && Array.isArray(body.features)
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** One bad feature must not cost the other candidates: it is skipped (null). */
function toAddress(feature: unknown): GeocodedAddress | null {
  if (!isRecord(feature) || !isRecord(feature.geometry) || !isRecord(feature.properties)) {
    return null
  }
  const coordinates = feature.geometry.coordinates
  if (!Array.isArray(coordinates)) return null
  // GeoJSON order: longitude first.
  const [longitude, latitude] = coordinates
  if (!isCoordinate(longitude, 180) || !isCoordinate(latitude, 90)) return null

  const properties = feature.properties
  const label = nonEmptyString(properties.label)
  if (label === null) return null

  return {
    label,
    // A "street" result is the street itself: its name is the street name.
    // For a locality or municipality, name is a place, not a street.
    street:
      nonEmptyString(properties.street) ??
      (properties.type === 'street' ? nonEmptyString(properties.name) : null),
    citycode: nonEmptyString(properties.citycode),
    longitude,
    latitude,
    // Unscored means unconfident: such a result is only offered for
    // confirmation on the map.
    score:
      typeof properties.score === 'number' && Number.isFinite(properties.score)
        ? Math.min(Math.max(properties.score, 0), 1)
        : 0,
  }
}

function isCoordinate(value: unknown, bound: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= bound
}
