import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/**
 * Calendar apps cannot sign in, so a resident's neighbourhood calendar
 * is fetched with a token of their own: "<user id>.<HMAC>", the HMAC
 * (APP_KEY) over their id and a random secret stored for them. Nothing
 * that opens the calendar is stored; renewing the secret revokes every
 * link given before.
 */

function mac(userId: number, secret: string): string {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`events-calendar:${userId}:${secret}`)
    .digest('base64url')
}

/** The resident's token, or null when they have not asked for a calendar link yet. */
export async function calendarToken(userId: number): Promise<string | null> {
  const row = await db.from('event_calendar_keys').where('user_id', userId).first()
  return row ? `${userId}.${mac(userId, row.secret)}` : null
}

/** A new secret for the resident (the first link, or revoking the old one): their new token. */
export async function renewCalendarToken(userId: number): Promise<string> {
  const secret = randomBytes(24).toString('base64url')
  await db.rawQuery(
    `INSERT INTO event_calendar_keys (user_id, secret, created_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at`,
    [userId, secret, new Date()]
  )
  return `${userId}.${mac(userId, secret)}`
}

/** Stops the resident's calendar link from working (until they ask for a new one). */
export async function revokeCalendarToken(userId: number): Promise<void> {
  await db.from('event_calendar_keys').where('user_id', userId).delete()
}

/** Whose token this is, or null (malformed, unknown, revoked or forged). */
export async function calendarTokenOwner(token: unknown): Promise<number | null> {
  if (typeof token !== 'string' || token.length > 200) return null
  const match = token.match(/^(\d{1,15})\.([A-Za-z0-9_-]{43})$/)
  if (!match) return null
  const userId = Number(match[1])
  const row = await db.from('event_calendar_keys').where('user_id', userId).first()
  if (!row) return null
  const expected = Buffer.from(mac(userId, row.secret))
  const given = Buffer.from(match[2])
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null
}
