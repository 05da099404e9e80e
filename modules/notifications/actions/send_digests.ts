import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import { accounts, type MailRecipient } from '#modules/accounts/index'
import { feedItemsSince } from '#modules/feed/index'
import { DigestMail } from '#modules/notifications/mails/digest_mail'
import { DEFAULT_DIGEST } from '#modules/notifications/services/preferences'
import { unsubscribeUrl } from '#app/mail/unsubscribe_tokens'

/** Items listed in one digest (the rest: "and more on the feed"). */
export const DIGEST_ITEMS = 10
/** Residents handled per run (the hourly run picks up the rest). */
const BATCH = 500

/** A path of this site or an http(s) address (never `javascript:`); anything else: the feed. */
function linkOf(url: string, fallback: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) return new URL(url, appUrl).href
  return /^https?:\/\//i.test(url) ? url : fallback
}

interface Due {
  userId: number
  frequency: 'daily' | 'weekly'
  /** The previous digest (or the account's creation): the claim compares it. */
  lastDigestAt: Date | null
  since: Date
}

/**
 * Mails each resident whose digest is due (daily: 23 hours after the
 * last, weekly: 6 days 23 hours, so an hourly run never drifts a day) the
 * new items of their own feed since then (the feed module applies the
 * scope rule), up to DIGEST_ITEMS; nothing new, no mail. Only confirmed
 * addresses of accounts not erased.
 *
 * Each resident is claimed first (last_digest_at set in one statement
 * that re-checks the value read), so overlapping runs never mail twice;
 * the mail is queued after that commit.
 */
export default class SendDigests {
  async execute(): Promise<{ mailed: number; empty: number }> {
    const { rows } = await db.rawQuery(
      `SELECT u.id, u.created_at, d.last_digest_at, coalesce(d.frequency, ?) AS frequency
         FROM users u
         LEFT JOIN notification_digests d ON d.user_id = u.id
        WHERE coalesce(d.frequency, ?) <> 'off'
          AND u.email_verified_at IS NOT NULL
          AND u.erased_at IS NULL
          AND coalesce(d.last_digest_at, u.created_at) <= now() - CASE coalesce(d.frequency, ?)
                WHEN 'daily' THEN interval '23 hours' ELSE interval '6 days 23 hours' END
        ORDER BY u.id
        LIMIT ?`,
      [DEFAULT_DIGEST, DEFAULT_DIGEST, DEFAULT_DIGEST, BATCH]
    )
    const due: Due[] = rows.map((row: Record<string, any>) => ({
      userId: Number(row.id),
      frequency: row.frequency,
      lastDigestAt: row.last_digest_at ? new Date(row.last_digest_at) : null,
      since: new Date(row.last_digest_at ?? row.created_at),
    }))
    const recipients = await accounts.mailRecipientsOf(due.map((entry) => entry.userId))
    let mailed = 0
    let empty = 0
    for (const entry of due) {
      if (!(await this.claim(entry))) continue
      const recipient = recipients.get(entry.userId)
      if (!recipient) continue
      const outcome = await this.mail(entry, recipient)
      if (outcome === 'mailed') mailed += 1
      else if (outcome === 'empty') empty += 1
    }
    return { mailed, empty }
  }

  /** Whether this run took the resident (nobody else changed their digest meanwhile). */
  private async claim(entry: Due): Promise<boolean> {
    const { rows } = await db.rawQuery(
      `INSERT INTO notification_digests (user_id, frequency, last_digest_at, updated_at)
       VALUES (?, ?, date_trunc('milliseconds', now()), now())
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = EXCLUDED.last_digest_at
        WHERE notification_digests.frequency <> 'off'
          AND notification_digests.last_digest_at IS NOT DISTINCT FROM ?::timestamptz
       RETURNING user_id`,
      [entry.userId, entry.frequency, entry.lastDigestAt]
    )
    return rows.length > 0
  }

  private async mail(entry: Due, recipient: MailRecipient): Promise<'mailed' | 'empty' | 'failed'> {
    try {
      const items = await feedItemsSince(entry.userId, {
        locale: recipient.locale,
        since: entry.since,
        limit: DIGEST_ITEMS + 1,
      })
      if (items.length === 0) return 'empty'
      const feedUrl = new URL(urlFor('feed.show'), appUrl).href
      await mail.sendLater(
        new DigestMail(recipient.email, recipient.locale, {
          frequency: entry.frequency,
          name: recipient.displayName,
          items: items.slice(0, DIGEST_ITEMS).map((item) => ({
            title: item.title,
            url: linkOf(item.url, feedUrl),
          })),
          more: items.length > DIGEST_ITEMS,
          feedUrl,
          unsubscribeUrl: unsubscribeUrl(entry.userId, { digest: true }),
        })
      )
      return 'mailed'
    } catch (error) {
      logger.error({ err: error, userId: entry.userId }, 'digest not queued')
      return 'failed'
    }
  }
}
