import { ImageRefusal, reencodeImage as reencode } from '#app/uploads/reencode_image'
import { documentSettings } from '#modules/verification/services/documents/settings'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'

/**
 * A photo or scan of a proof of address, re-encoded (app/uploads): large
 * scans are scaled down to a size still easy to read.
 */
export async function reencodeImage(bytes: Buffer, kind: 'jpeg' | 'png'): Promise<Buffer> {
  try {
    return await reencode(bytes, kind, {
      maxInputPixels: documentSettings.maxInputPixels,
      maxSide: documentSettings.maxImageSide,
      jpegQuality: documentSettings.jpegQuality,
    })
  } catch (error) {
    if (error instanceof ImageRefusal) {
      throw new DocumentRefusal(
        error.reason === 'too_large' ? 'image_too_large' : 'image_unreadable'
      )
    }
    throw error
  }
}
