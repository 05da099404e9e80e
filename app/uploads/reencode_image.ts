import sharp from 'sharp'

/** Each upload is decoded once: libvips' operation cache would only hold memory. */
sharp.cache(false)

export type ImageKind = 'jpeg' | 'png'

/** Why an image cannot be kept: too many pixels to decode safely, or not decodable. */
export class ImageRefusal extends Error {
  constructor(public reason: 'too_large' | 'unreadable') {
    super(`image refused: ${reason}`)
  }
}

export interface ReencodeOptions {
  /** Refused before decoding above this (decompression bombs). */
  maxInputPixels: number
  /** Scaled down to fit this square, never up. */
  maxSide: number
  jpegQuality: number
}

/**
 * Decodes an uploaded image and encodes it anew in the same format: only
 * the pixels survive. EXIF (GPS position, camera, date), text chunks,
 * comments and anything hidden in or after the image data (a script in a
 * PNG tEXt chunk or past IEND) are gone. The orientation the phone
 * recorded is applied first so the image stays upright.
 */
export async function reencodeImage(
  bytes: Buffer,
  kind: ImageKind,
  options: ReencodeOptions
): Promise<Buffer> {
  try {
    const image = sharp(bytes, {
      limitInputPixels: options.maxInputPixels,
      failOn: 'error',
      sequentialRead: true,
    })
      .rotate()
      .resize({
        width: options.maxSide,
        height: options.maxSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toColourspace('srgb')
    const encoded =
      kind === 'jpeg'
        ? image.jpeg({ quality: options.jpegQuality, mozjpeg: true })
        : image.png({ compressionLevel: 9 })
    return await encoded.toBuffer()
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw new ImageRefusal('too_large')
    throw new ImageRefusal('unreadable')
  }
}
