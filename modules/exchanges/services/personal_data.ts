import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'
import { leaveExchanges } from '#modules/exchanges/services/departure'
import { photoStorage } from '#modules/exchanges/services/photo_storage'

/**
 * Exchanges the resident posted (with ride details), their responses to
 * others' posts and their ride bookings. Erasure cancels what is still
 * under way (their open and agreed exchanges, their bookings on rides to
 * come: see departure.ts), forgets their rides' places and the author's
 * street, deletes their photos (files after the commit) and keeps the
 * rest, shown as "former resident".
 */
export const exchangesPersonalData: PersonalDataSection = {
  name: 'exchanges',

  async export(userId: number) {
    const exchanges = await db
      .from('exchanges as e')
      .leftJoin('exchange_rides as r', 'r.exchange_id', 'e.id')
      .where('e.author_id', userId)
      .orderBy('e.id')
      .select(
        'e.id',
        'e.direction',
        'e.kind',
        'e.category',
        'e.title',
        'e.description',
        'e.scope',
        'e.status',
        'e.created_at',
        'r.from_label as ride_from',
        'r.to_label as ride_to',
        'r.departs_at as ride_departs_at'
      )
    const photos = await db
      .from('exchange_photos as p')
      .join('exchanges as e', 'e.id', 'p.exchange_id')
      .where('e.author_id', userId)
      .select('p.exchange_id', 'p.content_type', 'p.created_at')
    const responses = await db
      .from('exchange_responses as x')
      .join('exchanges as e', 'e.id', 'x.exchange_id')
      .where('x.respondent_id', userId)
      .orderBy('x.id')
      .select('e.title as exchange', 'x.created_at')
    const bookings = await db
      .from('ride_bookings as b')
      .join('exchanges as e', 'e.id', 'b.exchange_id')
      .where('b.passenger_id', userId)
      .orderBy('b.id')
      .select('e.title as exchange', 'b.seats', 'b.status', 'b.created_at')
    return { posted: exchanges, photos, responses, bookings }
  },

  async erase(userId: number, trx) {
    await leaveExchanges(userId, trx)
    const photos = await trx
      .from('exchange_photos as p')
      .join('exchanges as e', 'e.id', 'p.exchange_id')
      .where('e.author_id', userId)
      .select('p.id', 'p.storage_key')
    await trx
      .from('exchange_photos')
      .whereIn(
        'id',
        photos.map((photo) => photo.id)
      )
      .delete()
    await trx.from('exchanges').where('author_id', userId).update({ author_street: null })
    /** Files after the commit: a rollback must not lose them. */
    trx.after('commit', async () => {
      for (const photo of photos) await photoStorage.removeQuietly(photo.storage_key)
    })
  },
}
