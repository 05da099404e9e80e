import vine from '@vinejs/vine'
import { documentSettings } from '#modules/verification/services/documents/settings'

/**
 * The upload: a file of at most 5 MB. Its type is decided by its content
 * afterwards (prepareDocument), never by its name or declared type.
 */
export const documentUploadValidator = vine.create({
  document: vine.file({ size: `${documentSettings.maxMb}mb` }),
})

/** The resident is told this reason: it must say something. */
export const documentRejectionValidator = vine.create({
  reject_reason: vine
    .string()
    .trim()
    .minLength(documentSettings.rejectReason.min)
    .maxLength(documentSettings.rejectReason.max),
})
