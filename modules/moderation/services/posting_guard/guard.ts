import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { containsLink } from '#modules/moderation/services/posting_guard/links'
import {
  LinksNotAllowedError,
  PostingLimitError,
} from '#modules/moderation/services/posting_guard/errors'
import {
  POST_KINDS,
  postingGuardSettings,
  type PostKind,
} from '#modules/moderation/services/posting_guard/settings'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export interface PostDraft {
  /** Everything the resident typed that others will read (title, text...). */
  texts: readonly string[]
  kind: PostKind
  /** Editing a post already counted: only the link rule applies. */
  edit?: boolean
}

/** Until when this account counts as new; null once it no longer does. */
function newUntil(createdAt: Date, now: Date): Date | null {
  const until = new Date(createdAt.getTime() + postingGuardSettings.newAccountDays * DAY)
  return until > now ? until : null
}

/**
 * Refuses a new resident's post that breaks the limits (no links; at
 * most 5 counted posts in 24 hours), else returns.
 *
 * The limits are about account age only: verification proves where
 * someone lives, not how they post, and a postcard takes days, so the
 * freshest accounts would slip through a "verified" exemption. Operators
 * are exempt, as Discourse's staff: the platform appointed them.
 *
 * With `trx` (inside the action's transaction, just before its insert)
 * the resident's users row is locked until the commit, so concurrent
 * posts count one after the other and never exceed the limit; pair it
 * with recordPost() in the same transaction. Without it, it is a
 * pre-check for the form (no lock, nothing written).
 */
export async function guardPost(
  userId: number,
  draft: PostDraft,
  trx?: TransactionClientContract
): Promise<void> {
  const client = trx ?? db
  const now = new Date()
  /** NO KEY UPDATE: serialises the guards, not the rows that reference the user. */
  const { rows } = await client.rawQuery(
    `SELECT created_at, role FROM users WHERE id = ?${trx ? ' FOR NO KEY UPDATE' : ''}`,
    [userId]
  )
  const user = rows[0] as { created_at: Date; role: string } | undefined
  if (!user || user.role === 'operator') return
  const until = newUntil(new Date(user.created_at), now)
  if (!until) return

  if (containsLink(draft.texts)) throw new LinksNotAllowedError(until)
  if (!POST_KINDS[draft.kind].counted || draft.edit) return

  const since = new Date(now.getTime() - postingGuardSettings.windowHours * HOUR)
  const recent = await client
    .from('posting_log')
    .where('user_id', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .select('created_at')
  if (recent.length >= postingGuardSettings.postsPerWindow) {
    /** A place frees up when the oldest post of the window leaves it. */
    const oldest = new Date(recent[recent.length - postingGuardSettings.postsPerWindow].created_at)
    throw new PostingLimitError(
      new Date(oldest.getTime() + postingGuardSettings.windowHours * HOUR)
    )
  }
}

/**
 * Notes a post in the posting log, inside the post's own transaction (a
 * post that rolls back is not counted; a crash cannot let a sixth one
 * through). Only new accounts' counted posts are kept, and only for the
 * window: older rows are dropped on the way.
 */
export async function recordPost(
  userId: number,
  kind: PostKind,
  trx: TransactionClientContract
): Promise<void> {
  if (!POST_KINDS[kind].counted) return
  const now = new Date()
  const newSince = new Date(now.getTime() - postingGuardSettings.newAccountDays * DAY)
  await trx.rawQuery(
    `INSERT INTO posting_log (user_id, kind, created_at)
     SELECT id, ?, ? FROM users WHERE id = ? AND created_at > ? AND role <> 'operator'`,
    [kind, now, userId, newSince]
  )
  await trx
    .from('posting_log')
    .where('user_id', userId)
    .where('created_at', '<=', new Date(now.getTime() - postingGuardSettings.windowHours * HOUR))
    .delete()
}
