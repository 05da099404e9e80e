import { liveAtSameAddress } from '#modules/neighbourhoods/index'
import AddressDocument from '#modules/verification/models/address_document'
import DocumentView from '#modules/verification/models/document_view'
import {
  kindOfContentType,
  DOCUMENT_KINDS,
  type DocumentKind,
} from '#modules/verification/services/documents/content_type'
import {
  DocumentNotFoundError,
  OwnDocumentError,
  SameAddressReviewError,
} from '#modules/verification/services/documents/errors'
import {
  coversNeighbourhood,
  type ReviewScope,
} from '#modules/verification/services/documents/reviewers'
import { documentStorage } from '#modules/verification/services/documents/storage'

export interface OpenedDocument {
  id: number
  kind: DocumentKind
  contentType: string
  extension: string
  bytes: Uint8Array
}

/**
 * A reviewer opens a pending document's file. Same rules as deciding
 * (their neighbourhoods only, never their own or a housemate's), and every
 * opening is logged (who, when) before a byte is read.
 */
export default class OpenDocument {
  async execute(documentId: number, scope: ReviewScope): Promise<OpenedDocument> {
    const document = await AddressDocument.find(documentId)
    if (!document || !coversNeighbourhood(scope, document.neighbourhoodId)) {
      throw new DocumentNotFoundError()
    }
    if (document.userId === scope.reviewerId) throw new OwnDocumentError()
    if (await liveAtSameAddress(scope.reviewerId, document.userId)) {
      throw new SameAddressReviewError()
    }
    const kind = kindOfContentType(document.contentType)
    if (document.status !== 'pending' || !document.storageKey || !kind) {
      throw new DocumentNotFoundError()
    }

    await DocumentView.create({ documentId: document.id, viewerId: scope.reviewerId })
    let bytes: Uint8Array
    try {
      bytes = await documentStorage.read(document.storageKey)
    } catch {
      throw new DocumentNotFoundError()
    }
    return { id: document.id, kind, ...DOCUMENT_KINDS[kind], bytes }
  }
}
