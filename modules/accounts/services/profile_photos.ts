import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import { ImageRefusal, reencodeImage } from '#app/uploads/reencode_image'
import { sniffKind } from '#app/uploads/sniff_type'

export const PROFILE_PHOTO = {
  maxMb: 5,
  maxInputPixels: 40_000_000,
  /** A face on a profile page. */
  maxSide: 600,
  jpegQuality: 82,
  folder: 'profile-photos',
}

export type PhotoRefusal = 'photo_type' | 'photo_too_large' | 'photo_unreadable'

/**
 * A profile photo ready to store: type read from the content (JPEG or
 * PNG), re-encoded so that only the pixels survive (EXIF position gone).
 */
export async function prepareProfilePhoto(
  upload: Buffer
): Promise<{ bytes: Buffer; contentType: string; extension: string } | PhotoRefusal> {
  const kind = sniffKind(upload)
  if (kind !== 'jpeg' && kind !== 'png') return 'photo_type'
  try {
    const bytes = await reencodeImage(upload, kind, {
      maxInputPixels: PROFILE_PHOTO.maxInputPixels,
      maxSide: PROFILE_PHOTO.maxSide,
      jpegQuality: PROFILE_PHOTO.jpegQuality,
    })
    return kind === 'jpeg'
      ? { bytes, contentType: 'image/jpeg', extension: 'jpg' }
      : { bytes, contentType: 'image/png', extension: 'png' }
  } catch (error) {
    if (error instanceof ImageRefusal) {
      return error.reason === 'too_large' ? 'photo_too_large' : 'photo_unreadable'
    }
    throw error
  }
}

/** Profile photos on the Drive disk (never served by URL), under a random name. */
export const profilePhotoStorage = {
  newKey(extension: string): string {
    return `${PROFILE_PHOTO.folder}/${randomUUID()}.${extension}`
  },

  async put(key: string, bytes: Buffer): Promise<void> {
    await drive.use().put(key, bytes)
  },

  async read(key: string): Promise<Uint8Array> {
    return drive.use().getBytes(key)
  },

  /** For clean-up paths: a failure is logged, never thrown over the real outcome. */
  async removeQuietly(key: string): Promise<boolean> {
    try {
      await drive.use().delete(key)
      return true
    } catch (error) {
      logger.error({ err: error }, 'could not delete a profile photo')
      return false
    }
  },
}
