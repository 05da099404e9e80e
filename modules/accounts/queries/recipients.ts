import db from '@adonisjs/lucid/services/db'
import { erasedLabel } from '#modules/accounts/services/erased_account'

/**
 * Batch look-ups for modules that write to many residents at once (the
 * alerts fan-out): one query for a whole batch instead of one per
 * resident. Exported through index.ts.
 */

export interface ResidentSummary {
  id: number
  displayName: string
  locale: string
  emailVerified: boolean
}

export interface MailRecipient {
  email: string
  locale: string
  displayName: string
  emailVerified: boolean
}

interface UserRow {
  id: number | string
  display_name: string
  email: string
  locale: string
  email_verified_at: Date | null
  erased_at: Date | null
}

function usersByIds(ids: number[]): Promise<UserRow[]> {
  return db
    .from('users')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'display_name', 'email', 'locale', 'email_verified_at', 'erased_at')
}

/** Residents by id, as other modules may know them (no e-mail); unknown ids are absent. */
export async function residentsByIds(ids: number[]): Promise<Map<number, ResidentSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await usersByIds(ids)
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        id: Number(row.id),
        displayName: row.erased_at ? erasedLabel() : row.display_name,
        locale: row.locale,
        emailVerified: row.email_verified_at !== null,
      },
    ])
  )
}

/** Where and how to write to each resident (and whether the address is confirmed). */
export async function mailRecipientsByIds(ids: number[]): Promise<Map<number, MailRecipient>> {
  if (ids.length === 0) return new Map()
  /** Nobody writes to an erased account. */
  const users = await usersByIds(ids)
  const rows = users.filter((row) => row.erased_at === null)
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        email: row.email,
        locale: row.locale,
        displayName: row.display_name,
        emailVerified: row.email_verified_at !== null,
      },
    ])
  )
}
