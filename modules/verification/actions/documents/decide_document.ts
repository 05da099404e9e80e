import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { liveAtSameAddress, residentHome } from '#modules/neighbourhoods/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import AddressDocument from '#modules/verification/models/address_document'
import {
  DocumentDecidedError,
  DocumentNotFoundError,
  OwnDocumentError,
  ResidentMovedError,
  SameAddressReviewError,
} from '#modules/verification/services/documents/errors'
import { disposeOfFile } from '#modules/verification/services/documents/file_disposal'
import {
  coversNeighbourhood,
  type ReviewScope,
} from '#modules/verification/services/documents/reviewers'
import { notifyResident, notifyVerified } from '#modules/verification/services/notify'

/** `closed`: the resident was verified another way meanwhile; nothing to prove. */
export type DocumentDecision = 'approved' | 'rejected' | 'closed'

/**
 * An operator or one of the neighbourhood's moderators decides on a
 * pending document, the row locked so that two reviewers cannot both
 * decide. Approving records the verification (method `document`, the
 * reviewer) in the same transaction. Once committed the file is deleted
 * (only the outcome stays), then the resident is told.
 */
export default class DecideDocument {
  approve(documentId: number, scope: ReviewScope): Promise<DocumentDecision> {
    return this.decide(documentId, scope, 'approved', null)
  }

  reject(documentId: number, scope: ReviewScope, reason: string): Promise<DocumentDecision> {
    return this.decide(documentId, scope, 'rejected', reason)
  }

  private async decide(
    documentId: number,
    scope: ReviewScope,
    decision: 'approved' | 'rejected',
    reason: string | null
  ): Promise<DocumentDecision> {
    const decided = await db.transaction(async (trx) => {
      const document = await AddressDocument.query({ client: trx })
        .where('id', documentId)
        .forUpdate()
        .first()
      if (!document || !coversNeighbourhood(scope, document.neighbourhoodId)) {
        throw new DocumentNotFoundError()
      }
      if (document.userId === scope.reviewerId) throw new OwnDocumentError()
      if (document.status !== 'pending') throw new DocumentDecidedError(document.status)
      if (await liveAtSameAddress(scope.reviewerId, document.userId, { trx })) {
        throw new SameAddressReviewError()
      }

      let outcome: DocumentDecision = decision
      if (decision === 'approved') {
        const home = await residentHome(document.userId, { trx, forUpdate: true })
        if (home?.verifiedAt) {
          outcome = 'closed'
        } else if (!home || home.addressLabel !== document.addressLabel) {
          throw new ResidentMovedError()
        } else {
          await new RecordVerification().execute(
            { userId: document.userId, method: 'document', reviewerId: scope.reviewerId },
            trx
          )
        }
      }

      const storageKey = document.storageKey
      document.merge({
        status: outcome,
        reviewerId: scope.reviewerId,
        decidedAt: DateTime.now(),
        rejectReason: outcome === 'rejected' ? reason : null,
        addressLabel: null,
      })
      await document.useTransaction(trx).save()
      return { document, storageKey, outcome }
    })

    const { document, storageKey, outcome } = decided
    if (storageKey) await disposeOfFile(document.id, storageKey)
    if (outcome === 'approved') await notifyVerified(document.userId)
    if (outcome === 'rejected') {
      await notifyResident(document.userId, 'documents.mail.rejected', { reason: reason ?? '' })
    }
    return outcome
  }
}
