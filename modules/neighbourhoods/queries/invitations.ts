import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type {
  InvitationAudience,
  InvitationChannel,
} from '#modules/neighbourhoods/models/invitation'
import { formatCode, normaliseCode } from '#modules/neighbourhoods/services/invitations/codes'
import { formatPhone } from '#app/sms/phone_numbers'

export type InvitationStatus = 'pending' | 'joined' | 'expired'

/** One line of the inviter's list (their own invitations only). */
export interface SentInvitation {
  id: number
  channel: InvitationChannel
  audience: InvitationAudience
  /** As the inviter typed it (an address, a formatted number), null for letters. */
  recipient: string | null
  code: string
  sentAt: Date
  expiresAt: Date
  joined: number
  status: InvitationStatus
}

export async function sentInvitations(inviterId: number, limit: number): Promise<SentInvitation[]> {
  const { rows } = await db.rawQuery(
    `SELECT i.id, i.channel, i.audience, i.recipient, i.code, i.sent_at, i.expires_at,
            (SELECT count(*) FROM invitation_joins j WHERE j.invitation_id = i.id) AS joined
       FROM invitations i
      WHERE i.inviter_id = ? AND i.sent_at IS NOT NULL
      ORDER BY i.sent_at DESC, i.id DESC
      LIMIT ?`,
    [inviterId, limit]
  )
  const now = Date.now()
  return rows.map((row: any) => {
    const joined = Number(row.joined)
    const expiresAt = new Date(row.expires_at)
    return {
      id: Number(row.id),
      channel: row.channel,
      audience: row.audience,
      recipient: row.channel === 'sms' ? formatPhone(row.recipient) : row.recipient,
      code: formatCode(row.code),
      sentAt: new Date(row.sent_at),
      expiresAt,
      joined,
      status: joined > 0 ? 'joined' : expiresAt.getTime() <= now ? 'expired' : 'pending',
    } satisfies SentInvitation
  })
}

/** Personal invitations started in the last 24 hours, per channel (the daily limits). */
export async function invitationsToday(inviterId: number): Promise<{ email: number; sms: number }> {
  const { rows } = await db.rawQuery(
    `SELECT channel, count(*) AS total FROM invitations
      WHERE inviter_id = ? AND channel IN ('email', 'sms') AND created_at > ?
      GROUP BY channel`,
    [inviterId, DateTime.now().minus({ hours: 24 }).toJSDate()]
  )
  const counts = { email: 0, sms: 0 }
  for (const row of rows) counts[row.channel as 'email' | 'sms'] = Number(row.total)
  return counts
}

/** Figures for a super voisin dashboard. */
export interface InvitationStats {
  /** Invitations sent (e-mails, SMS) or printed (letter and flyer codes). */
  sent: number
  /** Different people who joined through them. */
  joined: number
  /** ...of whom have since verified their address. */
  joinedAndVerified: number
}

export async function invitationStats(inviterId: number): Promise<InvitationStats> {
  const { rows } = await db.rawQuery(
    `SELECT
       (SELECT count(*) FROM invitations WHERE inviter_id = ? AND sent_at IS NOT NULL) AS sent,
       count(DISTINCT j.user_id) AS joined,
       count(DISTINCT j.user_id) FILTER (WHERE r.verified_at IS NOT NULL) AS joined_and_verified
       FROM invitation_joins j
       JOIN invitations i ON i.id = j.invitation_id
       LEFT JOIN residents r ON r.user_id = j.user_id
      WHERE i.inviter_id = ?`,
    [inviterId, inviterId]
  )
  return {
    sent: Number(rows[0]?.sent ?? 0),
    joined: Number(rows[0]?.joined ?? 0),
    joinedAndVerified: Number(rows[0]?.joined_and_verified ?? 0),
  }
}

/** What the public join page may show about a code: no address, no recipient. */
export type JoinableInvitation =
  | { state: 'unknown' }
  | { state: 'expired' | 'used' }
  | {
      state: 'valid'
      code: string
      inviterId: number
      neighbourhoodName: string
      townName: string
      audience: InvitationAudience
      expiresAt: Date
    }

export async function joinableInvitation(input: string): Promise<JoinableInvitation> {
  const code = normaliseCode(input)
  if (!code) return { state: 'unknown' }
  const { rows } = await db.rawQuery(
    `SELECT i.inviter_id, i.channel, i.audience, i.expires_at, n.name AS neighbourhood_name,
            t.name AS town_name,
            EXISTS (SELECT 1 FROM invitation_joins j WHERE j.invitation_id = i.id) AS used
       FROM invitations i
       JOIN neighbourhoods n ON n.id = i.neighbourhood_id
       JOIN towns t ON t.id = n.town_id
      WHERE i.code = ? AND i.sent_at IS NOT NULL`,
    [code]
  )
  const row = rows[0]
  if (!row) return { state: 'unknown' }
  const expiresAt = new Date(row.expires_at)
  if (expiresAt.getTime() <= Date.now()) return { state: 'expired' }
  if (row.channel !== 'letter' && row.used) return { state: 'used' }
  return {
    state: 'valid',
    code,
    inviterId: Number(row.inviter_id),
    neighbourhoodName: row.neighbourhood_name,
    townName: row.town_name,
    audience: row.audience,
    expiresAt,
  }
}
