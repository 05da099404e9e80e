import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import AddressDocument from '#modules/verification/models/address_document'
import { disposeOfFile } from '#modules/verification/services/documents/file_disposal'
import { documentSettings, staleBefore } from '#modules/verification/services/documents/settings'
import { notifyResident } from '#modules/verification/services/notify'

export interface PurgeReport {
  /** Pending too long: deleted, the resident told. */
  expired: number
  /** Pending too long, but the resident got verified another way: closed quietly. */
  closed: number
  /** Files of decided documents whose deletion had failed before, deleted now. */
  retried: number
}

const BATCH = 100

/**
 * Documents nobody decided on within `keepDays` are deleted: status
 * `expired`, file gone, the resident told (they may send another). Also
 * deletes any file a decision left behind (the disk refused at the time).
 * Idempotent: run hourly by the queue and by `verification:purge-documents`.
 */
export default class ExpireStaleDocuments {
  async execute(now: Date = new Date()): Promise<PurgeReport> {
    const report: PurgeReport = { expired: 0, closed: 0, retried: 0 }
    const cutoff = staleBefore(now)
    const seen = new Set<number>()

    while (true) {
      const batch = await db
        .from('address_documents')
        .where('status', 'pending')
        .where('created_at', '<', cutoff)
        .whereNotIn('id', [...seen])
        .orderBy('id')
        .limit(BATCH)
        .select('id')
      if (batch.length === 0) break
      for (const row of batch) {
        const id = Number(row.id)
        seen.add(id)
        const outcome = await this.expireOne(id, cutoff)
        if (outcome) report[outcome] += 1
      }
    }

    const leftovers = await db
      .from('address_documents')
      .whereNot('status', 'pending')
      .whereNotNull('storage_key')
      .select('id', 'storage_key')
    for (const row of leftovers) {
      if (await disposeOfFile(Number(row.id), row.storage_key)) report.retried += 1
    }
    return report
  }

  private async expireOne(id: number, cutoff: Date): Promise<'expired' | 'closed' | null> {
    const expired = await db.transaction(async (trx) => {
      const document = await AddressDocument.query({ client: trx })
        .where('id', id)
        .where('status', 'pending')
        .where('created_at', '<', cutoff)
        .forUpdate()
        .first()
      if (!document) return null
      const home = await residentHome(document.userId, { trx })
      const status = home?.verifiedAt ? ('closed' as const) : ('expired' as const)
      const storageKey = document.storageKey
      document.merge({ status, decidedAt: DateTime.now(), addressLabel: null })
      await document.useTransaction(trx).save()
      return { document, storageKey, status }
    })
    if (!expired) return null

    if (expired.storageKey) await disposeOfFile(id, expired.storageKey)
    if (expired.status === 'expired') {
      await notifyResident(expired.document.userId, 'documents.mail.expired', {
        days: documentSettings.keepDays,
      })
    }
    return expired.status
  }
}
