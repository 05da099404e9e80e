import sharp from 'sharp'
import { documentSettings } from '#modules/verification/services/documents/settings'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'

/** Each upload is decoded once: libvips' operation cache would only hold memory. */
sharp.cache(false)

/**
 * Decodes an uploaded photo or scan and encodes it anew in the same
 * format: only the pixels survive. EXIF (GPS position, camera, date),
 * text chunks, comments and anything hidden in or after the image data
 * (a script in a PNG tEXt chunk or past IEND) are gone. The orientation
 * the phone recorded is applied first so the image stays upright. More
 * than `maxInputPixels` is refused before decoding (decompression bombs);
 * large photos are scaled down to a size still easy to read.
 */
export async function reencodeImage(bytes: Buffer, kind: 'jpeg' | 'png'): Promise<Buffer> {
  const side = documentSettings.maxImageSide
  try {
    const image = sharp(bytes, {
      limitInputPixels: documentSettings.maxInputPixels,
      failOn: 'error',
      sequentialRead: true,
    })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
    const encoded =
      kind === 'jpeg'
        ? image.jpeg({ quality: documentSettings.jpegQuality, mozjpeg: true })
        : image.png({ compressionLevel: 9 })
    return await encoded.toBuffer()
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) {
      throw new DocumentRefusal('image_too_large')
    }
    throw new DocumentRefusal('image_unreadable')
  }
}
