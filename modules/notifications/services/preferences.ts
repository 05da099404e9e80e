import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { typeOf } from '#modules/notifications/services/types'

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]

/**
 * Weekly unless the resident chooses: a neighbourhood's news moves at the
 * pace of a week (events, group buys, loans), residents expect to hear of
 * it without asking, and a daily mail from a neighbourhood site is what
 * people mark as spam. Every digest can be stopped in one click.
 */
export const DEFAULT_DIGEST: DigestFrequency = 'weekly'

type Client = TransactionClientContract | typeof db

/** Whether a notification of this type may be mailed to the resident. */
export async function emailWanted(userId: number, type: string): Promise<boolean> {
  const declared = typeOf(type)
  const row = await db
    .from('notification_preferences')
    .where({ user_id: userId, type })
    .select('email')
    .first()
  return row ? Boolean(row.email) : declared.emailByDefault
}

/** The resident's e-mail choice per type they changed (others follow the type's default). */
export async function emailChoices(userId: number): Promise<Map<string, boolean>> {
  const rows = await db
    .from('notification_preferences')
    .where('user_id', userId)
    .select('type', 'email')
  return new Map(rows.map((row) => [String(row.type), Boolean(row.email)]))
}

export async function setEmailChoice(
  client: Client,
  userId: number,
  type: string,
  email: boolean
): Promise<void> {
  await client
    .table('notification_preferences')
    .insert({ user_id: userId, type, email, updated_at: new Date() })
    .onConflict(['user_id', 'type'])
    .merge(['email', 'updated_at'])
}

export async function digestFrequency(userId: number): Promise<DigestFrequency> {
  const row = await db
    .from('notification_digests')
    .where('user_id', userId)
    .select('frequency')
    .first()
  return (row?.frequency as DigestFrequency | undefined) ?? DEFAULT_DIGEST
}

export async function setDigestFrequency(
  client: Client,
  userId: number,
  frequency: DigestFrequency
): Promise<void> {
  await client
    .table('notification_digests')
    .insert({ user_id: userId, frequency, updated_at: new Date() })
    .onConflict('user_id')
    .merge(['frequency', 'updated_at'])
}
