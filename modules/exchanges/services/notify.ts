import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { appUrl } from '#config/app'
import { accounts } from '#modules/accounts/index'
import { ExchangeMail } from '#modules/exchanges/mails/exchange_mail'

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
  try {
    const recipient = await accounts.mailRecipientOf(userId)
    if (!recipient) return
    const i18n = i18nManager.locale(recipient.locale)
    const written = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        value instanceof Date
          ? i18n.formatDate(value, { dateStyle: 'full', timeZone: 'Europe/Paris' })
          : value,
      ])
    )
    await mail.sendLater(
      new ExchangeMail(
        recipient.email,
        recipient.locale,
        keys,
        { name: recipient.displayName, ...written },
        new URL(path, appUrl).href
      )
    )
  } catch (error) {
    logger.error({ err: error, userId }, `exchange mail "${keys}" not queued`)
  }
}
