import db from '@adonisjs/lucid/services/db'
import { photoStorage } from '#modules/exchanges/services/photo_storage'

/**
 * Deletes the photos of an exchange that no longer needs them (done,
 * cancelled, expired), files first, then their rows. Runs after the
 * commit; a file the disk refused keeps its row, and the hourly job tries
 * again. Returns how many were deleted.
 */
export async function disposeOfPhotos(exchangeId: number): Promise<number> {
  const photos = await db
    .from('exchange_photos')
    .where('exchange_id', exchangeId)
    .select('id', 'storage_key')
  let deleted = 0
  for (const photo of photos) {
    if (!(await photoStorage.removeQuietly(photo.storage_key))) continue
    await db.from('exchange_photos').where('id', photo.id).delete()
    deleted += 1
  }
  return deleted
}

/** Photos left behind by closed exchanges (a disk failure at the time): deleted now. */
export async function sweepClosedExchangePhotos(): Promise<number> {
  const rows = await db
    .from('exchange_photos as p')
    .join('exchanges as e', 'e.id', 'p.exchange_id')
    .whereIn('e.status', ['done', 'cancelled', 'expired'])
    .distinct('p.exchange_id')
  let deleted = 0
  for (const row of rows) deleted += await disposeOfPhotos(Number(row.exchange_id))
  return deleted
}
