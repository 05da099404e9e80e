import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import AddressDocument from '#modules/verification/models/address_document'
import { NothingToWithdrawError } from '#modules/verification/services/documents/errors'
import { disposeOfFile } from '#modules/verification/services/documents/file_disposal'

/**
 * The resident takes back their pending document (to send a better one,
 * or because they changed their mind): the file is deleted at once.
 */
export default class WithdrawDocument {
  async execute(userId: number): Promise<void> {
    const { id, storageKey } = await db.transaction(async (trx) => {
      const document = await AddressDocument.query({ client: trx })
        .where({ userId, status: 'pending' })
        .forUpdate()
        .first()
      if (!document) throw new NothingToWithdrawError()
      const key = document.storageKey
      document.merge({ status: 'withdrawn', decidedAt: DateTime.now(), addressLabel: null })
      await document.useTransaction(trx).save()
      return { id: document.id, storageKey: key }
    })
    if (storageKey) await disposeOfFile(id, storageKey)
  }
}
