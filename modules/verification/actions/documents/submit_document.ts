import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome, type ResidentHome } from '#modules/neighbourhoods/index'
import AddressDocument from '#modules/verification/models/address_document'
import { DocumentRefusal } from '#modules/verification/services/documents/errors'
import { prepareDocument } from '#modules/verification/services/documents/preparation'
import { documentStorage } from '#modules/verification/services/documents/storage'

/** Postgres' unique_violation, raised by address_documents_one_pending on a double submit. */
const UNIQUE_VIOLATION = '23505'

/**
 * A resident sends a proof of address. Refusals come before any work
 * (not placed, already verified, one already pending), then the content
 * is checked and cleaned (see prepareDocument), the file is written under
 * a random name and the row inserted. Whatever fails once the file is
 * written deletes it: no file without its row.
 */
export default class SubmitDocument {
  async execute(userId: number, upload: Buffer): Promise<AddressDocument> {
    this.assertMayUpload(await residentHome(userId), await this.hasPending(userId))
    const prepared = await prepareDocument(upload)
    const key = documentStorage.newKey(prepared.extension)
    try {
      await documentStorage.put(key, prepared.bytes)
      return await db.transaction(async (trx) => {
        const home = await residentHome(userId, { trx, forUpdate: true })
        this.assertMayUpload(home, await this.hasPending(userId, trx))
        return AddressDocument.create(
          {
            userId,
            neighbourhoodId: home!.neighbourhoodId,
            addressLabel: home!.addressLabel,
            status: 'pending',
            storageKey: key,
            contentType: prepared.contentType,
            byteSize: prepared.bytes.length,
          },
          { client: trx }
        )
      })
    } catch (error) {
      await documentStorage.removeQuietly(key)
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DocumentRefusal('pending', 409)
      }
      throw error
    }
  }

  private assertMayUpload(home: ResidentHome | null, pending: boolean) {
    if (!home) throw new DocumentRefusal('not_placed', 409)
    if (home.verifiedAt) throw new DocumentRefusal('already_verified', 409)
    if (pending) throw new DocumentRefusal('pending', 409)
  }

  private async hasPending(userId: number, trx?: TransactionClientContract): Promise<boolean> {
    const row = await AddressDocument.query(trx ? { client: trx } : {})
      .where({ userId, status: 'pending' })
      .select('id')
      .first()
    return row !== null
  }
}
