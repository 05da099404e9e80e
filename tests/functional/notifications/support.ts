/*
| Arrangements shared by the notifications specs: a notification sent the
| way modules send one, the raw headers of a received mail, and quick
| looks at the tables.
*/
import db from '@adonisjs/lucid/services/db'
import { notify } from '#modules/notifications/index'
import type { ReceivedMail } from '#tests/helpers/mailbox'

/** "Your address is verified" (verification's keys), of `type`, leading to `path`. */
export function tell(userId: number, type = 'tests.news', path = '/verify') {
  return notify({ userId, type, keys: 'verification.mail.verified', values: {}, path })
}

/** A header exactly as the mail carried it (mailparser restructures List-* headers). */
export function rawHeader(mail: ReceivedMail, name: string): string | null {
  const line = mail.raw.headerLines.find((entry) => entry.key === name.toLowerCase())
  if (!line) return null
  return line.line
    .slice(line.line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim()
}

export function notificationsOf(userId: number) {
  return db.from('notifications').where('user_id', userId).orderBy('id')
}
