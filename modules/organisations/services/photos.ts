import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { privateStorage } from '#app/uploads/private_storage'
import { ImageRefusal, reencodeImage } from '#app/uploads/reencode_image'
import { sniffKind } from '#app/uploads/sniff_type'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import { organisationSettings } from '#modules/organisations/services/settings'

const { photos } = organisationSettings

export interface PreparedPhoto {
  contentType: 'image/jpeg' | 'image/png'
  extension: 'jpg' | 'png'
  bytes: Buffer
}

/**
 * The files of a multipart field, read into memory: at most `max`, each
 * within the size cap (the type is checked from the content afterwards).
 */
export async function uploadedFiles(
  ctx: HttpContext,
  field: string,
  max: number
): Promise<Buffer[]> {
  const files = ctx.request
    .files(field, { size: `${photos.maxMb}mb` })
    .filter((file) => file.size > 0)
  if (files.length > max) {
    throw new OrganisationRefusal('too_many_photos', 422, { max: Math.max(max, 0) }, field)
  }
  const buffers: Buffer[] = []
  for (const file of files) {
    if (!file.isValid || !file.tmpPath) {
      throw new OrganisationRefusal('photo_too_heavy', 422, { max: photos.maxMb }, field)
    }
    buffers.push(await readFile(file.tmpPath))
  }
  return buffers
}

/**
 * JPEG or PNG by content only, re-encoded (EXIF, comments and hidden
 * payloads gone) and scaled to fit 2000 px; anything else refused.
 */
export async function preparePhoto(upload: Buffer, field: string): Promise<PreparedPhoto> {
  const kind = sniffKind(upload)
  if (kind !== 'jpeg' && kind !== 'png') {
    throw new OrganisationRefusal('photo_type', 422, {}, field)
  }
  try {
    const bytes = await reencodeImage(upload, kind, photos)
    return kind === 'jpeg'
      ? { contentType: 'image/jpeg', extension: 'jpg', bytes }
      : { contentType: 'image/png', extension: 'png', bytes }
  } catch (error) {
    if (error instanceof ImageRefusal) {
      throw new OrganisationRefusal(
        error.reason === 'too_large' ? 'photo_too_large' : 'photo_unreadable',
        422,
        { megapixels: Math.round(photos.maxInputPixels / 1_000_000) },
        field
      )
    }
    throw error
  }
}

/** Shop and offer photos (served by the organisation's access-checked routes). */
export const photoStorage = privateStorage(photos.storageFolder, 'an organisation photo')
