import db from '@adonisjs/lucid/services/db'
import { documentStorage } from '#modules/verification/services/documents/storage'

/**
 * Deletes a decided document's file, then records it: the key is cleared
 * and `file_deleted_at` set, leaving only the outcome. Runs after the
 * decision is committed; if the disk refuses, the key stays and the purge
 * command tries again.
 */
export async function disposeOfFile(documentId: number, storageKey: string): Promise<boolean> {
  if (!(await documentStorage.removeQuietly(storageKey))) return false
  await db
    .from('address_documents')
    .where({ id: documentId, storage_key: storageKey })
    .whereNot('status', 'pending')
    .update({
      storage_key: null,
      content_type: null,
      byte_size: null,
      file_deleted_at: new Date(),
      updated_at: new Date(),
    })
  return true
}
