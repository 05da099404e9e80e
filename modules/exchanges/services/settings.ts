/**
 * The exchanges' rules in one place (the product's choices, not
 * configuration).
 */
export const DIRECTIONS = ['offer', 'request'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const KINDS = ['barter', 'service', 'loan', 'gift', 'ride'] as const
export type Kind = (typeof KINDS)[number]

export const CATEGORIES = [
  'tools',
  'garden',
  'children',
  'diy',
  'computing',
  'moving',
  'food',
  'books',
  'clothes',
  'animals',
  'other',
] as const
export type Category = (typeof CATEGORIES)[number]

export const STATUSES = ['open', 'agreed', 'done', 'cancelled', 'expired'] as const
export type ExchangeStatus = (typeof STATUSES)[number]

/** ISO days of the week, Monday first (as French calendars). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export const exchangeSettings = {
  title: { min: 3, max: 100 },
  description: { min: 10, max: 2000 },
  /** 10 000 €: a neighbour's price, not a sale of a car. */
  maxPriceCents: 1_000_000,
  /** An open exchange nobody agreed on ends after this many days... */
  lifetimeDays: 30,
  /** ...its author told this many days before, with a way to extend it once. */
  reminderDaysBefore: 3,
  extensionDays: 30,
  /** Availability dates within a year. */
  maxDaysAhead: 366,
  /** Residents' dates and times are French ones. */
  timeZone: 'Europe/Paris',
  /** The optional first message of a respondent or a passenger. */
  firstMessageMax: 1000,
  photos: {
    max: 4,
    maxMb: 5,
    /** Refused before decoding above this (decompression bombs). */
    maxInputPixels: 40_000_000,
    /** Plenty for an object on a phone screen. */
    maxSide: 2000,
    jpegQuality: 82,
    storageFolder: 'exchange-photos',
  },
  rides: {
    maxSeats: 8,
    maxDetourKm: 20,
    /** One-off departures within six months; weekly rides for a year at most. */
    maxDaysAhead: 183,
    maxRecurrenceDays: 366,
    search: { defaultRadiusKm: 3, maxRadiusKm: 50, limit: 50 },
    labelMax: 120,
  },
} as const

const DAY_MS = 24 * 60 * 60 * 1000

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}
