import db from '@adonisjs/lucid/services/db'
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
    await db.transaction(async (trx) => {
      for (const section of personalDataSections()) await section.erase(userId, trx)
      await accounts.anonymise(userId, trx)
    })
  }
}
