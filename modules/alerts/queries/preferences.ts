import db from '@adonisjs/lucid/services/db'
import { preferencesFromRow, type AlertPreferences } from '#modules/alerts/services/preferences'

export async function preferencesOf(userId: number): Promise<AlertPreferences> {
  return preferencesFromRow(await db.from('alert_preferences').where('user_id', userId).first())
}

export interface PhoneState {
  phone: string
  verified: boolean
  /** A code is waiting to be typed (sent, not expired, tries left). */
  codePending: boolean
}

export async function phoneOf(userId: number, now: Date = new Date()): Promise<PhoneState | null> {
  const row = await db.from('alert_phones').where('user_id', userId).first()
  if (!row) return null
  return {
    phone: row.phone,
    verified: row.verified_at !== null,
    codePending:
      row.code_hash !== null &&
      row.code_expires_at !== null &&
      row.code_expires_at.getTime() > now.getTime(),
  }
}

export interface PushDevice {
  id: number
  userAgent: string | null
  createdAt: Date
  lastSuccessAt: Date | null
}

export async function devicesOf(userId: number): Promise<PushDevice[]> {
  const rows = await db
    .from('alert_push_subscriptions')
    .where('user_id', userId)
    .orderBy('created_at', 'desc')
    .select('id', 'user_agent', 'created_at', 'last_success_at')
  return rows.map((row) => ({
    id: Number(row.id),
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSuccessAt: row.last_success_at,
  }))
}
