import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import { accounts } from '#modules/accounts/index'
import { VerificationMail } from '#modules/verification/mails/verification_mail'

/**
 * Mails a resident about their verification, after the commit. What
 * happened stands even if the mail cannot be queued (the resident sees it
 * on the "Verify my address" page): a failure is logged, never an error
 * page. `keys` is the translation prefix (see VerificationMail); the link
 * goes to `route` (default: the "Verify my address" page).
 */
export async function notifyResident(
  userId: number,
  keys: string,
  values: Record<string, string | number> = {},
  path: string = urlFor('verification.show')
): Promise<void> {
  try {
    const recipient = await accounts.mailRecipientOf(userId)
    if (!recipient) return
    const url = new URL(path, appUrl).href
    await mail.sendLater(
      new VerificationMail(
        recipient.email,
        recipient.locale,
        keys,
        { name: recipient.displayName, ...values },
        url
      )
    )
  } catch (error) {
    logger.error({ err: error, userId }, `verification mail "${keys}" not queued`)
  }
}

/** "Your address is verified", once the verification is committed. */
export function notifyVerified(userId: number): Promise<void> {
  return notifyResident(userId, 'verification.mail.verified', {}, urlFor('neighbourhoods.home'))
}
