import { readFile, rm } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangeSettings } from '#modules/exchanges/services/settings'

/**
 * The photos of a multipart form (field `photos`, several files), read
 * into memory: at most 4 (counting those already kept), each within the
 * size cap. The type is checked later, from the content.
 */
export async function uploadedPhotos(ctx: HttpContext, alreadyKept = 0): Promise<Buffer[]> {
  const files = ctx.request
    .files('photos', { size: `${exchangeSettings.photos.maxMb}mb` })
    /** An empty file input still sends an empty part: not a photo. */
    .filter((file) => file.size > 0)
  const { max, maxMb } = exchangeSettings.photos
  if (files.length + alreadyKept > max) {
    throw new ExchangeRefusal('too_many_photos', 422, { max, left: max - alreadyKept }, 'photos')
  }
  const buffers: Buffer[] = []
  for (const file of files) {
    if (!file.isValid || !file.tmpPath) {
      throw new ExchangeRefusal('photo_too_heavy', 422, { max: maxMb }, 'photos')
    }
    buffers.push(await readFile(file.tmpPath))
  }
  return buffers
}

/**
 * The body parser writes every uploaded file to the system's temporary
 * folder before any check: removed once the request is handled, whatever
 * happened (a photo's EXIF may hold where it was taken).
 */
export async function removeUploadedTmpFiles(ctx: HttpContext): Promise<void> {
  const paths: string[] = []
  const collect = (value: unknown) => {
    if (!value || typeof value !== 'object') return
    if ('tmpPath' in value && 'isMultipartFile' in value) {
      const tmpPath = (value as { tmpPath?: string }).tmpPath
      if (tmpPath) paths.push(tmpPath)
      return
    }
    Object.values(value).forEach(collect)
  }
  collect(ctx.request.allFiles())
  await Promise.all(paths.map((path) => rm(path, { force: true })))
}
