import db from '@adonisjs/lucid/services/db'
import {
  setDigestFrequency,
  setEmailChoice,
  type DigestFrequency,
} from '#modules/notifications/services/preferences'
import { notificationTypes } from '#modules/notifications/services/types'

/**
 * Saves the preferences form in one transaction: the digest rhythm and,
 * for every registered type that can be turned off, whether it is mailed
 * (ticked = on), except those whose module keeps the choice (alerts).
 */
export default class SavePreferences {
  async execute(userId: number, input: { digest: DigestFrequency; emailOn: Set<string> }) {
    await db.transaction(async (trx) => {
      await setDigestFrequency(trx, userId, input.digest)
      for (const type of notificationTypes()) {
        if (type.stopEmail) continue
        await setEmailChoice(trx, userId, type.type, input.emailOn.has(type.type))
      }
    })
  }
}
