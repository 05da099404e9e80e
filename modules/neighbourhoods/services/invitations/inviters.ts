import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A resident who may invite: someone with a home in a neighbourhood. The
 * neighbourhood always comes from their home, never from a URL or a form.
 */
export interface Inviter {
  userId: number
  displayName: string
  locale: string
  neighbourhoodId: number
  neighbourhoodName: string
  townName: string
  /** Their address is verified (postcard, co-optation, document): SMS allowed. */
  verified: boolean
}

export interface InvitingUser {
  id: number
  displayName: string
  locale: string
}

/**
 * The inviter behind a signed-in account, or null without a home in a
 * neighbourhood. Inside a transaction the resident row is locked, so that
 * the daily limits of one resident are counted one request at a time.
 */
export async function findInviter(
  user: InvitingUser,
  trx?: TransactionClientContract
): Promise<Inviter | null> {
  const { rows } = await (trx ?? db).rawQuery(
    `SELECT r.neighbourhood_id, r.verified_at, n.name AS neighbourhood_name, t.name AS town_name
       FROM residents r
       JOIN neighbourhoods n ON n.id = r.neighbourhood_id
       JOIN towns t ON t.id = n.town_id
      WHERE r.user_id = ?
      ${trx ? 'FOR UPDATE OF r' : ''}`,
    [user.id]
  )
  const row = rows[0]
  if (!row) return null
  return {
    userId: user.id,
    displayName: user.displayName,
    locale: user.locale,
    neighbourhoodId: Number(row.neighbourhood_id),
    neighbourhoodName: row.neighbourhood_name,
    townName: row.town_name,
    verified: row.verified_at !== null,
  }
}
