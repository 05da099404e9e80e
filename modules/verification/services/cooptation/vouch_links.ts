import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import { cooptationSettings } from '#modules/verification/services/cooptation/settings'

/** What a token looks like (the route lets nothing else through). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/

/**
 * A candidate's personal vouch link token, made on first need (CSPRNG,
 * 192 bits: unguessable). Kept as is so the candidate's page can show it
 * again; it only opens the vouch page to verified residents of the
 * candidate's own neighbourhood.
 */
export async function ensureVouchToken(
  userId: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<string> {
  const client = options.trx ?? db
  await client
    .table('vouch_links')
    .insert({
      user_id: userId,
      token: randomBytes(cooptationSettings.tokenBytes).toString('base64url'),
      created_at: new Date(),
    })
    .onConflict('user_id')
    .ignore()
  const row = await client.from('vouch_links').where('user_id', userId).select('token').first()
  return row.token as string
}

/** The candidate a token belongs to, if any. */
export async function candidateOfToken(token: string): Promise<number | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const row = await db.from('vouch_links').where('token', token).select('user_id').first()
  return row ? Number(row.user_id) : null
}

export function vouchPath(token: string): string {
  return urlFor('verification.cooptation.vouch.show', { token })
}

/** The absolute link a candidate hands out. */
export function vouchUrl(token: string): string {
  return new URL(vouchPath(token), appUrl).href
}
