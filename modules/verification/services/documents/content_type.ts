import { sniffKind, type SniffedKind } from '#app/uploads/sniff_type'

/**
 * What a file is, read from its first bytes (never from its name or the
 * Content-Type the browser sent).
 */
export type DocumentKind = SniffedKind

export { sniffKind }

export const DOCUMENT_KINDS: Record<DocumentKind, { contentType: string; extension: string }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
}

/** The kind stored for a document, from its stored content type. */
export function kindOfContentType(contentType: string | null): DocumentKind | null {
  const entry = Object.entries(DOCUMENT_KINDS).find(([, kind]) => kind.contentType === contentType)
  return entry ? (entry[0] as DocumentKind) : null
}
