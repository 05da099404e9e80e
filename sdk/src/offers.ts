import type { GeoPoint, OfferKind, PartnerOffer } from './types.js'
import { OFFER_KINDS } from './manifest.js'

/** Size caps on what a plugin may return; the host drops anything beyond them. */
export const OFFER_LIMITS = {
  idLength: 200,
  titleLength: 120,
  descriptionLength: 1000,
  priceTextLength: 80,
  labelLength: 120,
  attributionLength: 120,
  urlLength: 2048,
  offersPerCall: 200,
} as const

/** An offer the host must drop: names the field (and the offer id when it has one). */
export class OfferError extends Error {
  constructor(
    readonly field: string,
    detail: string,
    readonly offerId?: string
  ) {
    super(`${offerId === undefined ? 'offer' : `offer "${offerId}"`}: ${field} ${detail}`)
    this.name = 'OfferError'
  }
}

export interface OfferValidationOptions {
  /** "Now" for the expiry check: the host's clock (the fake clock in tests). */
  now?: Date
  /** Offer kinds the plugin's manifest declares; other kinds are refused. */
  kinds?: readonly OfferKind[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Control characters; multi-line texts may keep line breaks and tabs. */
const CONTROL = /\p{Cc}/u
const CONTROL_BUT_LINES = /[^\P{Cc}\n\r\t]/u

function text(
  offer: Record<string, unknown>,
  field: string,
  max: number,
  id?: string,
  multiline = false
) {
  const value = offer[field]
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new OfferError(field, 'must be a non-empty text', id)
  }
  if ([...value].length > max) throw new OfferError(field, `must be at most ${max} characters`, id)
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(value)) {
    throw new OfferError(field, 'must not contain control characters', id)
  }
  return value.trim()
}

function optionalText(
  offer: Record<string, unknown>,
  field: string,
  max: number,
  id: string,
  multiline = false
) {
  return offer[field] === undefined || offer[field] === null
    ? undefined
    : text(offer, field, max, id, multiline)
}

/** An https URL without credentials: what may be put behind a link or an <img>. */
export function isSafeHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > OFFER_LIMITS.urlLength || !URL.canParse(value))
    return false
  const url = new URL(value)
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.hostname.length > 0
  )
}

function httpsUrl(offer: Record<string, unknown>, field: string, id: string) {
  if (!isSafeHttpsUrl(offer[field])) {
    throw new OfferError(
      field,
      `must be an https URL of at most ${OFFER_LIMITS.urlLength} characters`,
      id
    )
  }
  return offer[field] as string
}

function date(value: unknown, field: string, id: string): Date {
  const parsed =
    value instanceof Date
      ? new Date(value.getTime())
      : typeof value === 'string'
        ? new Date(value)
        : null
  if (!parsed || Number.isNaN(parsed.getTime()))
    throw new OfferError(field, 'must be a valid date', id)
  return parsed
}

function point(value: unknown, field: string, id: string): GeoPoint {
  if (!isRecord(value)) throw new OfferError(field, 'must be { latitude, longitude }', id)
  const { latitude, longitude } = value
  if (
    typeof latitude !== 'number' ||
    !Number.isFinite(latitude) ||
    latitude < -90 ||
    latitude > 90
  ) {
    throw new OfferError(`${field}.latitude`, 'must be a finite number between -90 and 90', id)
  }
  if (
    typeof longitude !== 'number' ||
    !Number.isFinite(longitude) ||
    longitude < -180 ||
    longitude > 180
  ) {
    throw new OfferError(`${field}.longitude`, 'must be a finite number between -180 and 180', id)
  }
  return { latitude, longitude }
}

function place(value: unknown, field: string, id: string) {
  if (!isRecord(value)) throw new OfferError(field, 'must be an object', id)
  const label = optionalText(value, 'label', OFFER_LIMITS.labelLength, id)
  return { label, value }
}

function bbox(value: unknown, field: string, id: string): [number, number, number, number] {
  if (!Array.isArray(value) || value.length !== 4) {
    throw new OfferError(
      field,
      'must be [minLongitude, minLatitude, maxLongitude, maxLatitude]',
      id
    )
  }
  const [minLon, minLat, maxLon, maxLat] = value
  point({ latitude: minLat, longitude: minLon }, `${field}[min]`, id)
  point({ latitude: maxLat, longitude: maxLon }, `${field}[max]`, id)
  if (minLon > maxLon || minLat > maxLat)
    throw new OfferError(field, 'must have its minimums before its maximums', id)
  return [minLon, minLat, maxLon, maxLat]
}

/**
 * Validates one offer and returns a clean copy holding only the known
 * fields (extra properties a plugin attached are dropped). Throws an
 * OfferError naming the field. Dates may be Date objects or ISO strings
 * (offers read back from a JSON cache); the copy has Date objects.
 */
export function validateOffer(offer: unknown, options: OfferValidationOptions = {}): PartnerOffer {
  if (!isRecord(offer)) throw new OfferError('offer', 'must be an object')
  const rawId = offer.id
  if (
    typeof rawId !== 'string' ||
    rawId.length === 0 ||
    rawId.length > OFFER_LIMITS.idLength ||
    CONTROL.test(rawId)
  ) {
    throw new OfferError('id', `must be a text of 1 to ${OFFER_LIMITS.idLength} characters`)
  }
  const id = rawId
  const kinds = options.kinds ?? OFFER_KINDS
  if (!kinds.includes(offer.kind as OfferKind)) {
    throw new OfferError('kind', `must be one of ${kinds.join(', ')}`, id)
  }
  const clean: PartnerOffer = {
    id,
    kind: offer.kind as OfferKind,
    title: text(offer, 'title', OFFER_LIMITS.titleLength, id),
    location: { point: { latitude: 0, longitude: 0 } },
    deepLink: httpsUrl(offer, 'deepLink', id),
    attribution: text(offer, 'attribution', OFFER_LIMITS.attributionLength, id),
    expiresAt: date(offer.expiresAt, 'expiresAt', id),
  }
  const description = optionalText(offer, 'description', OFFER_LIMITS.descriptionLength, id, true)
  if (description !== undefined) clean.description = description
  const priceText = optionalText(offer, 'priceText', OFFER_LIMITS.priceTextLength, id)
  if (priceText !== undefined) clean.priceText = priceText

  const location = place(offer.location, 'location', id)
  const hasPoint = location.value.point !== undefined
  const hasArea = location.value.area !== undefined
  if (hasPoint === hasArea)
    throw new OfferError('location', 'must have either a point or an area', id)
  clean.location = hasPoint
    ? { point: point(location.value.point, 'location.point', id) }
    : { area: bbox(location.value.area, 'location.area', id) }
  if (location.label !== undefined) clean.location.label = location.label

  if (offer.destination !== undefined && offer.destination !== null) {
    const destination = place(offer.destination, 'destination', id)
    clean.destination = { point: point(destination.value.point, 'destination.point', id) }
    if (destination.label !== undefined) clean.destination.label = destination.label
  }
  if (offer.availability !== undefined && offer.availability !== null) {
    if (!isRecord(offer.availability))
      throw new OfferError('availability', 'must be { from?, until? }', id)
    const { from, until } = offer.availability
    const availability: { from?: Date; until?: Date } = {}
    if (from !== undefined && from !== null) availability.from = date(from, 'availability.from', id)
    if (until !== undefined && until !== null)
      availability.until = date(until, 'availability.until', id)
    if (availability.from && availability.until && availability.from > availability.until) {
      throw new OfferError('availability', 'must start before it ends', id)
    }
    if (availability.from || availability.until) clean.availability = availability
  }
  if (offer.imageUrl !== undefined && offer.imageUrl !== null)
    clean.imageUrl = httpsUrl(offer, 'imageUrl', id)

  const now = options.now ?? new Date()
  if (clean.expiresAt.getTime() <= now.getTime())
    throw new OfferError('expiresAt', 'must be in the future', id)
  return clean
}

export interface RejectedOffer {
  index: number
  offerId?: string
  field: string
  message: string
}

export interface ValidatedOffers {
  offers: PartnerOffer[]
  rejected: RejectedOffer[]
}

/**
 * Validates what one offers.list call returned: a list of at most
 * OFFER_LIMITS.offersPerCall offers (else the whole answer is refused with
 * an OfferError), each validated by validateOffer; invalid and repeated
 * ids are dropped and reported in `rejected`.
 */
export function validateOffers(
  offers: unknown,
  options: OfferValidationOptions = {}
): ValidatedOffers {
  if (!Array.isArray(offers)) throw new OfferError('offers', 'must be a list')
  if (offers.length > OFFER_LIMITS.offersPerCall) {
    throw new OfferError(
      'offers',
      `must hold at most ${OFFER_LIMITS.offersPerCall} offers per call (got ${offers.length})`
    )
  }
  const result: ValidatedOffers = { offers: [], rejected: [] }
  const seen = new Set<string>()
  offers.forEach((offer, index) => {
    try {
      const clean = validateOffer(offer, options)
      if (seen.has(clean.id))
        throw new OfferError('id', 'repeats an earlier offer of this answer', clean.id)
      seen.add(clean.id)
      result.offers.push(clean)
    } catch (error) {
      if (!(error instanceof OfferError)) throw error
      result.rejected.push({
        index,
        offerId: error.offerId,
        field: error.field,
        message: error.message,
      })
    }
  })
  return result
}

/**
 * For plugins: keeps the offers the host will accept (valid, unique,
 * at most OFFER_LIMITS.offersPerCall), so one odd upstream record never
 * costs the whole answer. Dropped ones are passed to `onDrop` (log them).
 */
export function keepValidOffers(
  offers: readonly PartnerOffer[],
  options: OfferValidationOptions & { onDrop?: (rejected: RejectedOffer) => void } = {}
): PartnerOffer[] {
  const kept: PartnerOffer[] = []
  const seen = new Set<string>()
  offers.forEach((offer, index) => {
    if (kept.length >= OFFER_LIMITS.offersPerCall) return
    try {
      const clean = validateOffer(offer, options)
      if (seen.has(clean.id)) return
      seen.add(clean.id)
      kept.push(clean)
    } catch (error) {
      if (!(error instanceof OfferError)) throw error
      options.onDrop?.({
        index,
        offerId: error.offerId,
        field: error.field,
        message: error.message,
      })
    }
  })
  return kept
}

/** Cuts a text to `max` characters (by code point), ending with '…' when cut. */
export function truncateText(value: string, max: number): string {
  const chars = [...value.trim()]
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}
