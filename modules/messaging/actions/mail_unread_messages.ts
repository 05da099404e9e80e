import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import { appUrl } from '#config/app'
import { accounts, erasedLabel, isErasedLabel } from '#modules/accounts/index'
import { emailWanted, unsubscribeUrl } from '#modules/notifications/index'
import { UnreadMessagesMail } from '#modules/messaging/mails/unread_messages_mail'
import { shownName } from '#modules/messaging/services/names'
import {
  UNREAD_MAIL_DELAY_MINUTES,
  UNREAD_MAIL_INTERVAL_MINUTES,
} from '#modules/messaging/services/rules'

/** The notification type residents switch off (or unsubscribe from) to stop these mails. */
export const UNREAD_MAIL_TYPE = 'messaging.unread'

interface Claimed {
  conversationId: number
  recipientId: number
  senderId: number
  subjectTitle: string | null
  count: number
}

/**
 * Mails residents about messages unread for 15 minutes: at most one mail
 * per conversation and recipient an hour, and only when a message arrived
 * since the last such mail (a message triggers one mail at most); the
 * mail counts every message still unread there. Not about a conversation
 * where either side blocked the other.
 *
 * The recipients are claimed first (their last_unread_mail_at set in one
 * UPDATE, which re-checks its condition on rows another run changed), so
 * overlapping runs never mail twice; the mails are queued after the
 * commit. Only messages of the last day are looked at (index on
 * messages.created_at): an older one was mailed about, or read, long ago.
 */
export default class MailUnreadMessages {
  async execute(): Promise<{ mailed: number }> {
    const { rows } = await db.rawQuery(
      `WITH due AS (
         SELECT m.conversation_id, p.user_id, max(m.sender_id) AS sender_id
           FROM messages m
           JOIN conversation_participants p
             ON p.conversation_id = m.conversation_id AND p.user_id <> m.sender_id
          WHERE m.created_at > now() - interval '1 day'
            AND m.created_at <= now() - make_interval(mins => ?)
            AND m.id > p.last_read_message_id
            AND (p.last_unread_mail_at IS NULL OR m.created_at > p.last_unread_mail_at)
          GROUP BY m.conversation_id, p.user_id
       )
       UPDATE conversation_participants p
          SET last_unread_mail_at = now()
         FROM due, conversations c
        WHERE p.conversation_id = due.conversation_id AND p.user_id = due.user_id
          AND c.id = p.conversation_id
          AND (p.last_unread_mail_at IS NULL
               OR p.last_unread_mail_at <= now() - make_interval(mins => ?))
          AND NOT EXISTS (
            SELECT 1 FROM blocks b
             WHERE (b.blocker_id = c.user_low_id AND b.blocked_id = c.user_high_id)
                OR (b.blocker_id = c.user_high_id AND b.blocked_id = c.user_low_id))
       RETURNING p.conversation_id, p.user_id, due.sender_id, c.subject_title,
                 (SELECT count(*)::int FROM messages u
                   WHERE u.conversation_id = p.conversation_id
                     AND u.id > p.last_read_message_id AND u.sender_id <> p.user_id) AS unread`,
      [UNREAD_MAIL_DELAY_MINUTES, UNREAD_MAIL_INTERVAL_MINUTES]
    )
    const claimed: Claimed[] = rows.map((row: Record<string, unknown>) => ({
      conversationId: Number(row.conversation_id),
      recipientId: Number(row.user_id),
      senderId: Number(row.sender_id),
      subjectTitle: (row.subject_title as string | null) ?? null,
      count: Number(row.unread),
    }))

    let mailed = 0
    const names = await accounts.displayNames(claimed.map((entry) => entry.senderId))
    for (const entry of claimed) {
      if (await this.mail(entry, names.get(entry.senderId))) mailed += 1
    }
    return { mailed }
  }

  /** One mail, queued; a failure is logged (the message still shows on the site). */
  private async mail(entry: Claimed, senderName: string | undefined): Promise<boolean> {
    try {
      /** Null for an erased recipient: nobody writes to a former resident. */
      const recipient = await accounts.mailRecipientOf(entry.recipientId)
      if (!recipient || senderName === undefined) return false
      /** A former resident's last messages: their label in the recipient's language. */
      if (isErasedLabel(senderName)) senderName = erasedLabel(recipient.locale)
      if (!(await emailWanted(entry.recipientId, UNREAD_MAIL_TYPE))) return false
      const url = new URL(
        urlFor('messaging.conversations.show', { id: entry.conversationId }),
        appUrl
      ).href
      await mail.sendLater(
        new UnreadMessagesMail(
          recipient.email,
          recipient.locale,
          {
            name: recipient.displayName,
            sender: shownName(senderName),
            count: entry.count,
            subject: entry.subjectTitle,
          },
          url
        ).withUnsubscribe(unsubscribeUrl(entry.recipientId, { type: UNREAD_MAIL_TYPE }))
      )
      return true
    } catch (error) {
      logger.error({ err: error, conversationId: entry.conversationId }, 'unread mail not queued')
      return false
    }
  }
}
