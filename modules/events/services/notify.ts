import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { accounts } from '#modules/accounts/index'
import { notify } from '#modules/notifications/index'
import type { EventRecord } from '#modules/events/queries/event_rows'
import { whenValues } from '#modules/events/services/dates'
import { eventPath } from '#modules/events/services/links'

/** What participants are told about (cancelled with no reason stored: the organiser left Quartier). */
export type EventNews = 'changed' | 'cancelled' | 'cancelled_organiser_left'

/**
 * Tells everyone who answered going or maybe (not the author, who did
 * it) that the event changed or was cancelled, by e-mail in their
 * language. Call after the commit: what happened stands even if a mail
 * cannot be queued (failures are logged).
 */
export async function tellParticipants(event: EventRecord, news: EventNews): Promise<void> {
  let userIds: number[]
  try {
    const rows = await db
      .from('event_rsvps')
      .where('event_id', event.id)
      .whereIn('answer', ['going', 'maybe'])
      .whereNot('user_id', event.authorId)
      .orderBy('id')
      .select('user_id')
    userIds = rows.map((row) => Number(row.user_id))
  } catch (error) {
    logger.error({ err: error, eventId: event.id }, 'event participants not read')
    return
  }
  for (const userId of userIds) await tell(event, news, userId)
}

async function tell(event: EventRecord, news: EventNews, userId: number): Promise<void> {
  try {
    const recipient = await accounts.mailRecipientOf(userId)
    if (!recipient) return
    const i18n = i18nManager.locale(recipient.locale)
    const when = whenValues(event.startsAt, event.endsAt, recipient.locale)
    /** Through the notification centre: kept in-app, mailed as the resident chose (unsubscribe link). */
    await notify({
      userId,
      type: 'events.updates',
      keys: `events.mail.${news}`,
      values: {
        title: event.title,
        when: i18n.t(when.key, when.values),
        place: event.placeLabel,
        reason: event.cancelReason ?? '',
      },
      path: eventPath(event.id),
    })
  } catch (error) {
    logger.error({ err: error, userId, news }, 'event notification not sent')
  }
}
