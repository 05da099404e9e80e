import db from '@adonisjs/lucid/services/db'
import {
  findOrganisation,
  managedOrganisation,
} from '#modules/organisations/queries/organisation_access'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import { photoStorage, type PreparedPhoto } from '#modules/organisations/services/photos'
import { organisationSettings } from '#modules/organisations/services/settings'

/**
 * A storefront's photos: up to 4, counted under a lock on the
 * organisation's row; files are written first and removed again when
 * the rows cannot be.
 */
export default class ManagePhotos {
  async add(userId: number, organisationId: number, photos: PreparedPhoto[]): Promise<void> {
    const keys: string[] = []
    try {
      for (const photo of photos) keys.push(await photoStorage.store(photo))
      await db.transaction(async (trx) => {
        await managedOrganisation(organisationId, userId, trx)
        await findOrganisation(organisationId, { trx, forUpdate: true })
        const row = await trx
          .from('organisation_photos')
          .where('organisation_id', organisationId)
          .count('* as total')
          .first()
        const kept = Number(row?.total ?? 0)
        const { max } = organisationSettings.photos
        if (kept + photos.length > max) {
          throw new OrganisationRefusal('too_many_photos', 422, { max: max - kept }, 'photos')
        }
        const now = new Date()
        await trx.table('organisation_photos').multiInsert(
          photos.map((photo, index) => ({
            organisation_id: organisationId,
            storage_key: keys[index],
            content_type: photo.contentType,
            created_at: now,
          }))
        )
      })
    } catch (error) {
      for (const key of keys) await photoStorage.removeQuietly(key)
      throw error
    }
  }

  async remove(userId: number, organisationId: number, photoId: number): Promise<void> {
    const key = await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const photo = await trx
        .from('organisation_photos')
        .where({ id: photoId, organisation_id: organisationId })
        .first()
      if (!photo) return null
      await trx.from('organisation_photos').where('id', photoId).delete()
      return photo.storage_key as string
    })
    if (key) await photoStorage.removeQuietly(key)
  }
}
