import { notify } from '#modules/notifications/index'

export type MailValue = string | number | Date

/**
 * Mails a resident about an exchange, after the commit. What happened
 * stands even if the mail cannot be queued: a failure is logged, never an
 * error page. Date values are written in the recipient's language (long
 * date, Paris time).
 */
export async function notifyResident(
  userId: number,
  keys: string,
  values: Record<string, MailValue>,
  path: string
): Promise<void> {
  /**
   * Through the notification centre (kept in-app, mailed as the resident
   * chose, with a one-click unsubscribe); it writes dates in the reader's
   * language and logs its own failures. Type: the key's last part.
   */
  const dates: Record<string, Date> = {}
  const plain: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value instanceof Date) dates[key] = value
    else plain[key] = value
  }
  await notify({
    userId,
    type: 'exchanges.updates',
    keys,
    values: plain,
    dates,
    path,
  })
}
