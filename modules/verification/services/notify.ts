import { urlFor } from '@adonisjs/core/services/url_builder'
import { notify } from '#modules/notifications/index'

/**
 * Mails a resident about their verification, after the commit. What
 * happened stands even if the mail cannot be queued (the resident sees it
 * on the "Verify my address" page): a failure is logged, never an error
 * page. `keys` is the translation prefix (`.subject`, `.intro`, `.action`,
 * `.outro`, as notify() reads them); the link
 * goes to `route` (default: the "Verify my address" page).
 */
export async function notifyResident(
  userId: number,
  keys: string,
  values: Record<string, string | number> = {},
  path: string = urlFor('verification.show')
): Promise<void> {
  /** Through the notification centre: kept in-app, mailed as the resident chose (unsubscribe link). */
  await notify({
    userId,
    type: 'verification.updates',
    keys,
    values,
    path,
  })
}

/** "Your address is verified", once the verification is committed. */
export function notifyVerified(userId: number): Promise<void> {
  return notifyResident(userId, 'verification.mail.verified', {}, urlFor('neighbourhoods.home'))
}
