import sharp from 'sharp'
import { ImageRefusal, reencodeImage } from '#app/uploads/reencode_image'
import { sniffKind } from '#app/uploads/sniff_type'
import { ExchangeRefusal } from '#modules/exchanges/services/errors'
import { exchangeSettings } from '#modules/exchanges/services/settings'

export interface PreparedPhoto {
  contentType: 'image/jpeg' | 'image/png'
  extension: 'jpg' | 'png'
  bytes: Buffer
  width: number
  height: number
}

const { photos } = exchangeSettings

/**
 * Turns an uploaded photo into what may be stored, or throws an
 * ExchangeRefusal about the `photos` field: its type is read from its
 * content (JPEG or PNG only; a PDF renamed .jpg is refused), then it is
 * re-encoded (EXIF with GPS, comments and any hidden payload gone) and
 * scaled down to fit 2000 px.
 */
export async function preparePhoto(upload: Buffer): Promise<PreparedPhoto> {
  if (upload.length > photos.maxMb * 1024 * 1024) {
    throw new ExchangeRefusal('photo_too_heavy', 422, { max: photos.maxMb }, 'photos')
  }
  const kind = sniffKind(upload)
  if (kind !== 'jpeg' && kind !== 'png') {
    throw new ExchangeRefusal('photo_type', 422, { max: photos.maxMb }, 'photos')
  }
  let bytes: Buffer
  try {
    bytes = await reencodeImage(upload, kind, {
      maxInputPixels: photos.maxInputPixels,
      maxSide: photos.maxSide,
      jpegQuality: photos.jpegQuality,
    })
  } catch (error) {
    if (error instanceof ImageRefusal) {
      throw new ExchangeRefusal(
        error.reason === 'too_large' ? 'photo_too_large' : 'photo_unreadable',
        422,
        { megapixels: Math.round(photos.maxInputPixels / 1_000_000) },
        'photos'
      )
    }
    throw error
  }
  const { width = 0, height = 0 } = await sharp(bytes).metadata()
  return kind === 'jpeg'
    ? { contentType: 'image/jpeg', extension: 'jpg', bytes, width, height }
    : { contentType: 'image/png', extension: 'png', bytes, width, height }
}
