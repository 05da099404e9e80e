/**
 * The organisations' rules in one place (the product's choices, not
 * configuration).
 */
export const KINDS = ['shop', 'town_hall', 'association'] as const
export type OrganisationKind = (typeof KINDS)[number]

export const ROLES = ['owner', 'editor'] as const
export type Role = (typeof ROLES)[number]

export const CATEGORIES = [
  'food',
  'bakery',
  'restaurant',
  'bookshop',
  'hardware',
  'clothes',
  'health',
  'beauty',
  'services',
  'garden',
  'other',
] as const
export type ShopCategory = (typeof CATEGORIES)[number]

export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected'

export const organisationSettings = {
  timeZone: 'Europe/Paris',
  name: { min: 2, max: 100 },
  description: { max: 2000 },
  addressLabel: { min: 5, max: 200 },
  /** A shop's offers reach neighbourhoods within this many metres of it. */
  radiusM: { min: 100, max: 3000, default: 1000 },
  /** Offers per shop per Paris calendar month. */
  offersPerMonth: 4,
  offer: { title: { min: 3, max: 100 }, text: { min: 3, max: 1000 }, maxDaysValid: 90 },
  notice: { title: { min: 3, max: 120 }, text: { min: 3, max: 4000 }, maxPinDays: 60 },
  reply: { min: 2, max: 1000 },
  /** Opening ranges per weekday, and exceptional closures kept. */
  rangesPerDay: 4,
  closures: 3,
  /** Postcard codes: tries per card. */
  postcardTries: 5,
  photos: {
    max: 4,
    maxMb: 8,
    maxInputPixels: 40_000_000,
    maxSide: 2000,
    jpegQuality: 82,
    storageFolder: 'organisation-photos',
  },
}
