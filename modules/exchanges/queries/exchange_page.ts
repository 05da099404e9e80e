import db from '@adonisjs/lucid/services/db'
import { accounts } from '#modules/accounts/index'
import { conversationPath } from '#modules/messaging/index'
import { neighbourhoodNames } from '#modules/neighbourhoods/index'
import { trustLevel, type TrustLevel, publicName } from '#modules/verification/index'
import type Exchange from '#modules/exchanges/models/exchange'
import { rideDetails, type RideDetails } from '#modules/exchanges/queries/ride_details'
import { photoPath } from '#modules/exchanges/services/exchange_links'
import { formatPrice } from '#modules/exchanges/services/money'
import { parisToday } from '#modules/exchanges/services/paris_time'
import { dayText, rideWhen, type RideWhen } from '#modules/exchanges/services/ride_text'

export interface Participant {
  userId: number
  name: string
  conversationUrl: string | null
}

export interface ExchangePageState {
  exchange: Exchange
  ride: (RideDetails & { when: RideWhen }) | null
  photos: { id: number; url: string; width: number; height: number }[]
  author: { name: string; street: string | null }
  neighbourhoodName: string | null
  price: string | null
  /** Dates as text in the page's language. */
  availability: { from: string | null; until: string | null }
  returnDue: string | null
  viewer: {
    id: number
    trust: TrustLevel
    isAuthor: boolean
    isLender: boolean
    /** Their own response (a link to the conversation), if they answered. */
    response: Participant | null
    /** Their booking on a ride, if any. */
    booking: { seats: number; conversationUrl: string | null } | null
  }
  /** The author's view: who answered, who booked, who was chosen. */
  respondents: Participant[]
  passengers: (Participant & { seats: number })[]
  agreedWith: string | null
  /** How many seats a passenger may book at once ("1", "2"...). */
  seatChoices: { value: string; label: string }[]
  /** Respondents as choices of the "agree with" form. */
  respondentChoices: { value: string; label: string }[]
  /** Offered to the author while the exchange is open: extend once, close. */
  canExtend: boolean
  today: string
}

/**
 * Everything the exchange page shows to one viewer (who may see it:
 * checked before). Names are first name + initial (first name only for
 * unverified viewers), places the street name; respondents and
 * passengers only to the author.
 */
export async function exchangePageState(
  exchange: Exchange,
  viewerId: number,
  locale: string
): Promise<ExchangePageState> {
  const [trust, ride, photos, responses, bookings] = await Promise.all([
    trustLevel(viewerId),
    exchange.kind === 'ride' ? rideDetails(exchange.id) : Promise.resolve(null),
    db
      .from('exchange_photos')
      .where('exchange_id', exchange.id)
      .orderBy('id')
      .select('id', 'width', 'height'),
    db
      .from('exchange_responses')
      .where('exchange_id', exchange.id)
      .orderBy('id')
      .select('respondent_id', 'conversation_id'),
    db
      .from('ride_bookings')
      .where({ exchange_id: exchange.id, status: 'booked' })
      .orderBy('id')
      .select('passenger_id', 'seats', 'conversation_id'),
  ])
  const ids = [
    exchange.authorId,
    ...responses.map((row) => Number(row.respondent_id)),
    ...bookings.map((row) => Number(row.passenger_id)),
    ...(exchange.agreedWithId ? [exchange.agreedWithId] : []),
  ]
  const [names, places] = await Promise.all([
    accounts.displayNames(ids),
    neighbourhoodNames([exchange.neighbourhoodId]),
  ])
  const nameOf = (id: number) => publicName(names.get(id) ?? '', trust)
  const link = (conversationId: unknown) =>
    conversationId === null || conversationId === undefined
      ? null
      : conversationPath(Number(conversationId))

  const isAuthor = exchange.authorId === viewerId
  const respondents = responses.map((row) => ({
    userId: Number(row.respondent_id),
    name: nameOf(Number(row.respondent_id)),
    conversationUrl: link(row.conversation_id),
  }))
  const passengers = bookings.map((row) => ({
    userId: Number(row.passenger_id),
    name: nameOf(Number(row.passenger_id)),
    seats: Number(row.seats),
    conversationUrl: link(row.conversation_id),
  }))
  const ownBooking = passengers.find((row) => row.userId === viewerId)
  const today = parisToday()

  return {
    exchange,
    ride: ride ? { ...ride, when: rideWhen(ride, locale) } : null,
    photos: photos.map((row) => ({
      id: Number(row.id),
      url: photoPath(exchange.id, Number(row.id)),
      width: Number(row.width),
      height: Number(row.height),
    })),
    author: { name: nameOf(exchange.authorId), street: exchange.authorStreet },
    neighbourhoodName: places.get(exchange.neighbourhoodId)?.name ?? null,
    price: exchange.priceCents === null ? null : formatPrice(exchange.priceCents, locale),
    availability: {
      from: exchange.availableFrom ? dayText(exchange.availableFrom, locale) : null,
      until: exchange.availableUntil ? dayText(exchange.availableUntil, locale) : null,
    },
    returnDue: exchange.returnDueOn ? dayText(exchange.returnDueOn, locale) : null,
    viewer: {
      id: viewerId,
      trust,
      isAuthor,
      isLender: exchange.lenderId === viewerId,
      response: respondents.find((row) => row.userId === viewerId) ?? null,
      booking: ownBooking
        ? { seats: ownBooking.seats, conversationUrl: ownBooking.conversationUrl }
        : null,
    },
    respondents: isAuthor ? respondents : [],
    passengers: isAuthor ? passengers : [],
    agreedWith: exchange.agreedWithId ? nameOf(exchange.agreedWithId) : null,
    seatChoices: Array.from({ length: Math.min(ride?.seatsLeft ?? 0, 8) }, (_, index) => ({
      value: String(index + 1),
      label: String(index + 1),
    })),
    respondentChoices: isAuthor
      ? respondents.map((row) => ({ value: String(row.userId), label: row.name }))
      : [],
    canExtend:
      isAuthor && exchange.status === 'open' && exchange.kind !== 'ride' && !exchange.extendedAt,
    today,
  }
}
