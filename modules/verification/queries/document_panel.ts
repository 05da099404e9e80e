import type { ResidentHome } from '#modules/neighbourhoods/index'
import AddressDocument from '#modules/verification/models/address_document'
import { documentSettings, expiresOn } from '#modules/verification/services/documents/settings'

export interface DocumentPanel {
  /** A document waiting for review: since when, and when it would be deleted. */
  pending: { since: Date; expiresOn: Date } | null
  /** The last document refused or left to expire (the form shows again). */
  lastOutcome: { status: 'rejected' | 'expired'; sentOn: Date; reason: string | null } | null
  maxMb: number
  keepDays: number
}

/**
 * What the "document" column of the "Verify my address" page shows to this
 * resident: the form with what counts as a proof, or "pending review
 * since", or the last refusal with its reason above the form again.
 */
export async function documentPanel(userId: number, _home: ResidentHome): Promise<DocumentPanel> {
  const latest = await AddressDocument.query()
    .where('user_id', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .first()
  const panel: DocumentPanel = {
    pending: null,
    lastOutcome: null,
    maxMb: documentSettings.maxMb,
    keepDays: documentSettings.keepDays,
  }
  if (latest?.status === 'pending') {
    const since = latest.createdAt.toJSDate()
    panel.pending = { since, expiresOn: expiresOn(since) }
  } else if (latest?.status === 'rejected' || latest?.status === 'expired') {
    panel.lastOutcome = {
      status: latest.status,
      sentOn: latest.createdAt.toJSDate(),
      reason: latest.rejectReason,
    }
  }
  return panel
}
