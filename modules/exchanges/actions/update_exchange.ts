import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ExchangePhoto from '#modules/exchanges/models/exchange_photo'
import { lockExchange } from '#modules/exchanges/queries/exchange_access'
import { authoredExchange } from '#modules/exchanges/services/authorship'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import type { ExchangeInput } from '#modules/exchanges/services/exchange_form'
import { preparePhoto, type PreparedPhoto } from '#modules/exchanges/services/photo_preparation'
import { photoStorage } from '#modules/exchanges/services/photo_storage'
import { bookedSeats, rideEndsAt, saveRide } from '#modules/exchanges/services/ride_rows'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * The author edits their exchange while it is open (kind and direction
 * stay). Photos may be added (up to 4 in all) or removed; removed files
 * are deleted once the change is committed, added ones written first and
 * deleted again if it is not. A ride keeps its passengers: it cannot
 * offer fewer seats than they hold.
 */
export default class UpdateExchange {
  async execute(
    userId: number,
    exchangeId: number,
    input: ExchangeInput,
    uploads: Buffer[] = [],
    removePhotoIds: number[] = []
  ): Promise<void> {
    const current = await authoredExchange(exchangeId, userId)
    if (current.status !== 'open') throw new ExchangeRefusal('not_editable', 409)
    const existing = await ExchangePhoto.query().where('exchangeId', exchangeId).select('id')
    const kept = existing.filter((photo) => !removePhotoIds.includes(photo.id)).length
    const { max } = exchangeSettings.photos
    if (kept + uploads.length > max) {
      throw new ExchangeRefusal('too_many_photos', 422, { max, left: max - kept }, 'photos')
    }
    const prepared: PreparedPhoto[] = []
    for (const upload of uploads) prepared.push(await preparePhoto(upload))
    const keys = prepared.map((photo) => photoStorage.newKey(photo.extension))

    let removedKeys: string[]
    try {
      for (const [index, photo] of prepared.entries())
        await photoStorage.put(keys[index], photo.bytes)
      removedKeys = await db.transaction(async (trx) => {
        const exchange = await lockExchange(trx, exchangeId)
        if (exchange.status !== 'open') throw new ExchangeRefusal('not_editable', 409)
        exchange.merge({
          title: input.title,
          description: input.description,
          category: input.category,
          priceCents: input.priceCents,
          availableFrom: input.availableFrom,
          availableUntil: input.availableUntil,
          scope: input.scope,
        })
        if (input.ride) {
          const booked = await bookedSeats(trx, exchangeId)
          if (input.ride.seats < booked) {
            throw new ExchangeRefusal('seats_below_booked', 422, { booked }, 'seats')
          }
          await saveRide(trx, exchangeId, input.ride, booked)
          exchange.expiresAt = DateTime.fromJSDate(rideEndsAt(input.ride))
        }
        await exchange.useTransaction(trx).save()

        const removed = await trx
          .from('exchange_photos')
          .where('exchange_id', exchangeId)
          .whereIn('id', removePhotoIds.length ? removePhotoIds : [0])
          .delete()
          .returning('storage_key')
        for (const [index, photo] of prepared.entries()) {
          await ExchangePhoto.create(
            {
              exchangeId,
              storageKey: keys[index],
              contentType: photo.contentType,
              byteSize: photo.bytes.length,
              width: photo.width,
              height: photo.height,
            },
            { client: trx }
          )
        }
        return removed.map((row: { storage_key: string }) => row.storage_key)
      })
    } catch (error) {
      await Promise.all(keys.map((key) => photoStorage.removeQuietly(key)))
      throw error
    }
    await Promise.all(removedKeys.map((key) => photoStorage.removeQuietly(key)))
  }
}
