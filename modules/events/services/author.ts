import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome } from '#modules/neighbourhoods/index'
import { authorizeTrust } from '#modules/verification/index'
import { EventRefusal } from '#modules/events/services/errors'
import { eventLimits } from '#modules/events/services/limits'

/**
 * Who posts an event: a verified resident (their neighbourhood and town
 * are their home's), or an organisation through one of its members. The
 * organisations module, once it lands, checks membership and its own
 * verification and passes where the organisation belongs; this module
 * never reads its tables.
 */
export type EventAuthor =
  | { kind: 'resident'; userId: number }
  | {
      kind: 'organisation'
      organisationId: number
      /** The member who posts (the event's author_id). */
      userId: number
      neighbourhoodId: number
      townId: number
      street: string | null
    }

export interface AuthorPlacement {
  userId: number
  organisationId: number | null
  neighbourhoodId: number
  townId: number
  street: string | null
  /** A resident's home, to refuse it as the event's place (never shown). */
  home: { latitude: number; longitude: number } | null
}

/** Where the author belongs now, read inside the transaction (the home row locked). */
export async function placeAuthor(
  trx: TransactionClientContract,
  author: EventAuthor
): Promise<AuthorPlacement> {
  if (author.kind === 'organisation') {
    return {
      userId: author.userId,
      organisationId: author.organisationId,
      neighbourhoodId: author.neighbourhoodId,
      townId: author.townId,
      street: author.street,
      home: null,
    }
  }
  const home = await residentHome(author.userId, { trx, forUpdate: true })
  if (!home?.neighbourhoodId || !home.townId) throw new EventRefusal('not_placed', 409)
  return {
    userId: author.userId,
    organisationId: null,
    neighbourhoodId: home.neighbourhoodId,
    townId: home.townId,
    street: home.streetName,
    home: { latitude: home.latitude, longitude: home.longitude },
  }
}

/** Residents must be verified to post; an organisation's member was checked by that module. */
export async function authorizeAuthor(author: EventAuthor): Promise<void> {
  if (author.kind === 'resident') await authorizeTrust(author.userId, 'post')
}

/** Metres between two points (haversine: plenty for a few dozen metres). */
export function metresBetween(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number }
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

/** An event happens in a public place: never at the organiser's own home. */
export function assertNotHome(
  placement: AuthorPlacement,
  point: { latitude: number; longitude: number }
): void {
  if (placement.home && metresBetween(placement.home, point) < eventLimits.homeRadiusMetres) {
    throw new EventRefusal('home_place', 422, {}, 'place_label')
  }
}
