import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordErasedAddress } from '#app/mail/mail_holds'
import { recipientsOf } from '#app/mail/mail_recipients'
import { accounts } from '#modules/accounts/index'
import { personalDataSections } from '#modules/privacy/services/personal_data'

export class WrongErasurePasswordError extends Error {}

/**
 * Erases an account in ONE transaction: every module's section deletes
 * the resident's private rows and unnames what others still need, then
 * the account row is anonymised ("former resident"), which ends every
 * session. Files are deleted by the sections after the commit. A wrong
 * password erases nothing.
 */
export default class EraseAccount {
  async execute(userId: number, password: string): Promise<void> {
    if (!(await accounts.verifyPassword(userId, password))) throw new WrongErasurePasswordError()
    /** Read before the transaction: the embedded database has one connection. */
    const recipient = await accounts.mailRecipientOf(userId)
    await db.transaction(async (trx) => {
      for (const section of personalDataSections()) await section.erase(userId, trx)
      if (recipient) await dropQueuedMailsTo(recipient.email, trx)
      await accounts.anonymise(userId, trx)
    })
  }
}

/**
 * Mails still waiting in the PostgreSQL job queue (worker behind, or
 * retrying with backoff) carry the address in their stored payload: they
 * must neither reach an erased account nor keep its address. Only jobs
 * addressed to it are dropped (queue_jobs is the queue's own table, not a
 * module's). Jobs held in Redis (REDIS_URL) are out of reach here: the
 * address's hash, kept a day, stops them when they are about to be sent.
 */
async function dropQueuedMailsTo(email: string, trx: TransactionClientContract) {
  const address = email.trim().toLowerCase()
  await recordErasedAddress(trx, address)
  const jobs = await trx
    .from('queue_jobs')
    .where('queue', 'mail')
    .whereRaw('strpos(lower(data), ?) > 0', [address])
    .select('id', 'queue', 'data')
  for (const job of jobs) {
    if (!recipientsOfJob(job.data).includes(address)) continue
    await trx.from('queue_jobs').where({ id: job.id, queue: job.queue }).delete()
  }
}

function recipientsOfJob(data: string): string[] {
  try {
    return recipientsOf(JSON.parse(data)?.payload?.mail?.message)
  } catch {
    return []
  }
}
