import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { appUrl } from '#config/app'
import { KeyedNotificationMail } from '#app/mail/keyed_notification_mail'
import { accounts } from '#modules/accounts/index'
import { emailWanted } from '#modules/notifications/services/preferences'
import { unsubscribeUrl } from '#app/mail/unsubscribe_tokens'
import { safePath } from '#modules/notifications/services/paths'

export {
  registerNotificationType,
  notificationTypes,
  type NotificationType,
} from '#modules/notifications/services/types'

export interface NotificationInput {
  userId: number
  type: string
  /** Translation prefix with subject, intro, action, outro (as KeyedNotificationMail). */
  keys: string
  values: Record<string, string | number>
  /** Where in the app it leads (a path, e.g. /events/12). */
  path: string
  /**
   * Dates written in the reader's language (long date, Paris time): in the
   * mail's language, and in the centre's when the resident opens it.
   */
  dates?: Record<string, Date>
}

/** A date as the mails write it (the centre uses the same). */
export function writeDate(value: Date, locale: string): string {
  return i18nManager
    .locale(locale)
    .formatDate(value, { dateStyle: 'full', timeZone: 'Europe/Paris' })
}

/**
 * Tells a resident something: a row in their notification centre, then a
 * mail if their preference for this type allows it (a type nobody
 * registered is mailed, so a module is never silenced by a missing
 * declaration). Call AFTER the commit: what happened stands even if this
 * fails, so failures are logged, never thrown.
 */
export async function notify(input: NotificationInput): Promise<void> {
  const path = safePath(input.path)
  try {
    /** Dates stay dates (ISO), listed in `_dates`, so the centre writes them in the reader's language. */
    const dates = Object.entries(input.dates ?? {})
    const stored = {
      ...input.values,
      ...Object.fromEntries(dates.map(([key, value]) => [key, value.toISOString()])),
      ...(dates.length > 0 ? { _dates: dates.map(([key]) => key) } : {}),
    }
    await db.table('notifications').insert({
      user_id: input.userId,
      type: input.type.slice(0, 60),
      keys: input.keys.slice(0, 120),
      values: JSON.stringify(stored),
      path,
      created_at: new Date(),
    })
  } catch (error) {
    logger.error({ err: error, type: input.type }, 'notification not stored')
  }
  try {
    if (!(await emailWanted(input.userId, input.type))) return
    const recipient = await accounts.mailRecipientOf(input.userId)
    if (!recipient) return
    const dates = Object.fromEntries(
      Object.entries(input.dates ?? {}).map(([key, value]) => [
        key,
        writeDate(value, recipient.locale),
      ])
    )
    const message = new KeyedNotificationMail(
      recipient.email,
      recipient.locale,
      input.keys,
      { name: recipient.displayName, ...input.values, ...dates },
      new URL(path, appUrl).href
    )
    message.withUnsubscribe(unsubscribeUrl(input.userId, { type: input.type }))
    await mail.sendLater(message)
  } catch (error) {
    logger.error({ err: error, type: input.type }, 'notification not mailed')
  }
}
