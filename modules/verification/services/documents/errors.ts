/**
 * Refusals about proof-of-address documents. The controllers translate
 * `reason` (a key under documents.errors) and answer with `status`.
 */

export type UploadRefusalReason =
  | 'unsupported_type'
  | 'image_unreadable'
  | 'image_too_large'
  | 'pdf_incomplete'
  | 'pdf_active_content'
  | 'pdf_encrypted'
  | 'pdf_unchecked'
  | 'not_placed'
  | 'already_verified'
  | 'pending'

/** An upload refused. Content refusals (422) are about the `document` field. */
export class DocumentRefusal extends Error {
  constructor(
    public reason: UploadRefusalReason,
    public status = 422
  ) {
    super(`document refused: ${reason}`)
  }

  get aboutTheFile(): boolean {
    return this.status === 422
  }
}

/** Unknown, or outside the reviewer's neighbourhoods: a 404, so nothing leaks. */
export class DocumentNotFoundError extends Error {}

/** Nobody reviews their own document. */
export class OwnDocumentError extends Error {}

/** Nor the document of someone living at their address. */
export class SameAddressReviewError extends Error {}

/** Already approved, rejected, expired or withdrawn. */
export class DocumentDecidedError extends Error {
  constructor(public status: string) {
    super(`document already ${status}`)
  }
}

/** The resident moved after uploading: the document proves a former address. */
export class ResidentMovedError extends Error {}

/** The resident has no pending document to withdraw. */
export class NothingToWithdrawError extends Error {}
