import {
  DOCUMENT_KINDS,
  sniffKind,
  type DocumentKind,
} from '#modules/verification/services/documents/content_type'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'
import { reencodeImage } from '#modules/verification/services/documents/image_reencoding'
import { inspectPdf } from '#modules/verification/services/documents/pdf_inspection'

export interface PreparedDocument {
  kind: DocumentKind
  contentType: string
  extension: string
  /** What will be stored: the re-encoded image, or the checked PDF. */
  bytes: Buffer
}

/**
 * Turns an upload into what may be stored, or throws a DocumentRefusal:
 * its type is read from its content; images are re-encoded, PDFs checked.
 */
export async function prepareDocument(upload: Buffer): Promise<PreparedDocument> {
  const kind = sniffKind(upload)
  if (!kind) throw new DocumentRefusal('unsupported_type')
  let bytes: Buffer
  if (kind === 'pdf') {
    inspectPdf(upload)
    bytes = upload
  } else {
    bytes = await reencodeImage(upload, kind)
  }
  return { kind, ...DOCUMENT_KINDS[kind], bytes }
}
