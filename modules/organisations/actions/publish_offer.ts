import db from '@adonisjs/lucid/services/db'
import { announceFeedItem } from '#modules/feed/index'
import {
  findOrganisation,
  managedOrganisation,
} from '#modules/organisations/queries/organisation_access'
import { reachedNeighbourhoodIds } from '#modules/organisations/queries/reach'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import {
  addDays,
  formatDay,
  nextParisMonthStart,
  parisMonthStart,
  parisToday,
} from '#modules/organisations/services/paris_time'
import { photoStorage, type PreparedPhoto } from '#modules/organisations/services/photos'
import { organisationSettings } from '#modules/organisations/services/settings'

export interface OfferInput {
  title: string
  text: string
  validUntil: string
}

export const SHOP_OFFERS_SOURCE = 'shop_offers'

/**
 * A verified shop publishes an offer: in the feed of the neighbourhoods
 * within its radius until its last day. At most 4 per Paris calendar
 * month, counted under a lock on the shop's row (two members posting at
 * once cannot both take the fourth place).
 */
export default class PublishOffer {
  async execute(
    userId: number,
    organisationId: number,
    input: OfferInput,
    photo: PreparedPhoto | null,
    options: { now?: Date; locale?: string } = {}
  ): Promise<number> {
    const now = options.now ?? new Date()
    const today = parisToday(now)
    if (input.validUntil < today) {
      throw new OrganisationRefusal('offer_past', 422, {}, 'valid_until')
    }
    const last = addDays(today, organisationSettings.offer.maxDaysValid)
    if (input.validUntil > last) {
      throw new OrganisationRefusal(
        'offer_too_long',
        422,
        { days: organisationSettings.offer.maxDaysValid },
        'valid_until'
      )
    }
    const photoKey = photo ? await photoStorage.store(photo) : null
    let offerId: number
    try {
      offerId = await db.transaction(async (trx) => {
        await managedOrganisation(organisationId, userId, trx)
        const shop = await findOrganisation(organisationId, { trx, forUpdate: true })
        if (!shop || shop.kind !== 'shop') throw new OrganisationNotFoundError()
        if (shop.verificationStatus !== 'verified') {
          throw new OrganisationRefusal('not_verified', 403)
        }
        const row = await trx
          .from('shop_offers')
          .where('organisation_id', organisationId)
          .where('published_at', '>=', parisMonthStart(now))
          .count('* as total')
          .first()
        if (Number(row?.total ?? 0) >= organisationSettings.offersPerMonth) {
          throw new OrganisationRefusal('monthly_cap', 409, {
            max: organisationSettings.offersPerMonth,
            date: formatDay(nextParisMonthStart(now), options.locale ?? 'fr'),
          })
        }
        const [inserted] = await trx
          .table('shop_offers')
          .insert({
            organisation_id: organisationId,
            title: input.title,
            text: input.text,
            photo_key: photoKey,
            photo_type: photo?.contentType ?? null,
            valid_until: input.validUntil,
            author_id: userId,
            published_at: now,
            created_at: now,
          })
          .returning('id')
        return Number(inserted.id ?? inserted)
      })
    } catch (error) {
      if (photoKey) await photoStorage.removeQuietly(photoKey)
      throw error
    }
    /** Content-free "new item" events to the neighbourhoods it reaches. */
    for (const neighbourhoodId of await reachedNeighbourhoodIds(organisationId)) {
      await announceFeedItem({
        source: SHOP_OFFERS_SOURCE,
        neighbourhoodId,
        scope: 'neighbourhood',
      })
    }
    return offerId
  }
}
