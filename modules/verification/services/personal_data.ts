import db from '@adonisjs/lucid/services/db'
import type { PersonalDataSection } from '#modules/privacy/index'
import { documentStorage } from '#modules/verification/services/documents/storage'

/**
 * The outcome of address verification: method, dates, status. Never the
 * document itself nor a postcard code. Erasure deletes verifications,
 * postcard requests (address block), documents (files after the commit),
 * vouch links and requests, and vouches about the resident (they name
 * their street); vouches they gave others stay (the others' proof).
 */
export const verificationPersonalData: PersonalDataSection = {
  name: 'verification',

  async export(userId: number) {
    const verifications = await db
      .from('verifications')
      .where('user_id', userId)
      .orderBy('id')
      .select('method', 'created_at', 'revoked_at', 'revoke_reason', 'superseded_at')
    const postcards = await db
      .from('postcard_requests')
      .where('user_id', userId)
      .orderBy('id')
      .select('status', 'requested_at', 'posted_at', 'used_at', 'expires_at')
    const documents = await db
      .from('address_documents')
      .where('user_id', userId)
      .orderBy('id')
      .select('status', 'reject_reason', 'created_at', 'decided_at')
    const vouchesGiven = await db
      .from('vouches')
      .where('voucher_id', userId)
      .count('* as total')
      .first()
    return {
      verifications: verifications.map((row) => ({
        method: row.method,
        date: row.created_at,
        status: row.revoked_at ? 'revoked' : row.superseded_at ? 'superseded' : 'standing',
        revokedAt: row.revoked_at,
        revokeReason: row.revoke_reason,
      })),
      postcards,
      documents,
      vouchesGiven: Number(vouchesGiven?.total ?? 0),
    }
  },

  async erase(userId: number, trx) {
    const files = await trx
      .from('address_documents')
      .where('user_id', userId)
      .whereNotNull('storage_key')
      .select('storage_key')
    await trx.from('address_documents').where('user_id', userId).delete()
    await trx.from('postcard_requests').where('user_id', userId).delete()
    await trx.from('vouch_links').where('user_id', userId).delete()
    await trx
      .from('vouch_requests')
      .where((query) => query.where('candidate_id', userId).orWhere('voucher_id', userId))
      .delete()
    await trx.from('vouches').where('candidate_id', userId).delete()
    await trx.from('verifications').where('user_id', userId).delete()
    /** Files after the commit: a rollback must not lose them. */
    trx.after('commit', async () => {
      for (const file of files) await documentStorage.removeQuietly(file.storage_key)
    })
  },
}
