import { privateStorage } from '#app/uploads/private_storage'
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

/** Profile photos (never served by URL; the resident page's photo route checks access). */
export const profilePhotoStorage = privateStorage(PROFILE_PHOTO.folder, 'a profile photo')
