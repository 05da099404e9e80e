/**
 * The proof-of-address rules in one place (the product's choices, not
 * configuration).
 */
export const documentSettings = {
  /** Largest file accepted (the form says "at most 5 MB"). */
  maxMb: 5,
  /** A pending document nobody decided on is deleted after this many days. */
  keepDays: 30,
  /** Decoding more pixels than this is refused (decompression bombs). */
  maxInputPixels: 40_000_000,
  /** Images are scaled down to fit this box: plenty to read a bill. */
  maxImageSide: 4000,
  /** JPEG quality of re-encoded photos. */
  jpegQuality: 85,
  /** What the reviewer writes to the resident when refusing. */
  rejectReason: { min: 10, max: 500 },
  /** Every attempt counts, refused ones too (re-encoding costs CPU). */
  uploadsPerDay: 10,
  /** Inflating a PDF's compressed object streams stops beyond this. */
  pdfInflateBudget: 50 * 1024 * 1024,
  /** Folder of the Drive disk holding the files. */
  storageFolder: 'address-documents',
  /** Reviewers' queue length per page. */
  queueCap: 200,
} as const

const DAY_MS = 24 * 60 * 60 * 1000

/** The moment before which a pending document is stale. */
export function staleBefore(now: Date = new Date()): Date {
  return new Date(now.getTime() - documentSettings.keepDays * DAY_MS)
}

/** When a document uploaded at `createdAt` is deleted if nobody decides. */
export function expiresOn(createdAt: Date): Date {
  return new Date(createdAt.getTime() + documentSettings.keepDays * DAY_MS)
}
