import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { announceFeedItem } from '#modules/feed/index'
import { guardPost, recordPost } from '#modules/moderation/index'
import { residentHome } from '#modules/neighbourhoods/index'
import { authorizeTrust } from '#modules/verification/index'
import Exchange from '#modules/exchanges/models/exchange'
import ExchangePhoto from '#modules/exchanges/models/exchange_photo'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import type { ExchangeInput } from '#modules/exchanges/services/exchange_form'
import { preparePhoto, type PreparedPhoto } from '#modules/exchanges/services/photo_preparation'
import { photoStorage } from '#modules/exchanges/services/photo_storage'
import { rideEndsAt, saveRide } from '#modules/exchanges/services/ride_rows'
import { daysAfter, exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * A verified resident posts an offer or a request. It belongs to the
 * neighbourhood and town of their home now (read again, locked, inside
 * the transaction), with their street name. Photos are checked and
 * re-encoded before anything is written; their files are written first
 * and deleted again if the rows cannot be: no file without its row, no
 * row without its file. The feed is told after the commit.
 */
export default class PublishExchange {
  async execute(userId: number, input: ExchangeInput, uploads: Buffer[] = []): Promise<Exchange> {
    await authorizeTrust(userId, 'post')
    const placed = await residentHome(userId)
    if (!placed?.neighbourhoodId) throw new ExchangeRefusal('not_placed', 409)
    if (uploads.length > exchangeSettings.photos.max) {
      throw new ExchangeRefusal('too_many_photos', 422, { max: exchangeSettings.photos.max })
    }
    const prepared: PreparedPhoto[] = []
    for (const upload of uploads) prepared.push(await preparePhoto(upload))

    const keys = prepared.map((photo) => photoStorage.newKey(photo.extension))
    let exchange: Exchange
    try {
      for (const [index, photo] of prepared.entries())
        await photoStorage.put(keys[index], photo.bytes)
      exchange = await db.transaction(async (trx) => {
        const home = await residentHome(userId, { trx, forUpdate: true })
        if (!home?.neighbourhoodId || !home.townId) throw new ExchangeRefusal('not_placed', 409)
        await guardPost(userId, { kind: 'exchange', texts: [input.title, input.description] }, trx)
        const publishedAt = DateTime.fromJSDate(new Date())
        const created = await Exchange.create(
          {
            authorId: userId,
            direction: input.direction,
            kind: input.kind,
            category: input.category,
            title: input.title,
            description: input.description,
            priceCents: input.priceCents,
            availableFrom: input.availableFrom,
            availableUntil: input.availableUntil,
            scope: input.scope,
            neighbourhoodId: home.neighbourhoodId,
            townId: home.townId,
            authorStreet: home.streetName,
            status: 'open',
            publishedAt,
            expiresAt: DateTime.fromJSDate(
              input.ride
                ? rideEndsAt(input.ride)
                : daysAfter(publishedAt.toJSDate(), exchangeSettings.lifetimeDays)
            ),
          },
          { client: trx }
        )
        if (input.ride) await saveRide(trx, created.id, input.ride)
        await recordPost(userId, 'exchange', trx)
        for (const [index, photo] of prepared.entries()) {
          await ExchangePhoto.create(
            {
              exchangeId: created.id,
              storageKey: keys[index],
              contentType: photo.contentType,
              byteSize: photo.bytes.length,
              width: photo.width,
              height: photo.height,
            },
            { client: trx }
          )
        }
        return created
      })
    } catch (error) {
      await Promise.all(keys.map((key) => photoStorage.removeQuietly(key)))
      throw error
    }
    await announceFeedItem({
      source: 'exchanges',
      neighbourhoodId: exchange.neighbourhoodId,
      scope: exchange.scope,
    })
    return exchange
  }
}
