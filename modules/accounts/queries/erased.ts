import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Whether the account was erased (a former resident). Inside a
 * transaction the row is share-locked: an erasure under way (it locks
 * the row to anonymise it) commits first and is seen, and one starting
 * later waits for the caller's writes.
 */
export async function isErasedAccount(
  id: number,
  trx?: TransactionClientContract
): Promise<boolean> {
  const query = (trx ?? db).from('users').where('id', id).select('erased_at')
  if (trx) query.forShare()
  const row = await query.first()
  return Boolean(row?.erased_at)
}
