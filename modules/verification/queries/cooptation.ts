import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { residentHome, type ResidentHome } from '#modules/neighbourhoods/index'
import { askCutoff } from '#modules/verification/services/cooptation/settings'

type Client = TransactionClientContract | typeof db

/**
 * Read-side of co-optation. An ask is "outstanding" while the neighbour
 * has neither declined nor vouched, and it is recent enough to still
 * expect an answer.
 */
function outstanding(client: Client) {
  return client
    .from('vouch_requests as r')
    .whereNull('r.declined_at')
    .where('r.created_at', '>', askCutoff())
    .whereNotExists((sub) =>
      sub
        .from('vouches as v')
        .whereRaw('v.candidate_id = r.candidate_id')
        .whereRaw('v.voucher_id = r.voucher_id')
        .whereNull('v.withdrawn_at')
    )
}

/** How many asks of a candidate wait for an answer. */
export async function outstandingAskCount(
  candidateId: number,
  client: Client = db
): Promise<number> {
  const row = await outstanding(client)
    .where('r.candidate_id', candidateId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

export interface AskToAnswer {
  id: number
  candidateId: number
  createdAt: Date
}

/** Asks waiting for this neighbour's answer, newest first. */
export async function asksToAnswer(voucherId: number): Promise<AskToAnswer[]> {
  const rows = await outstanding(db)
    .where('r.voucher_id', voucherId)
    .orderBy('r.created_at', 'desc')
    .select('r.id', 'r.candidate_id', 'r.created_at')
  return rows.map((row) => ({
    id: Number(row.id),
    candidateId: Number(row.candidate_id),
    createdAt: row.created_at,
  }))
}

export type AskStatus = 'waiting' | 'vouched' | 'declined' | 'expired'

export interface AskMade {
  voucherId: number
  status: AskStatus
  createdAt: Date
}

/** The neighbours a candidate asked, and where each ask stands. */
export async function asksMade(candidateId: number): Promise<AskMade[]> {
  const rows = await db
    .from('vouch_requests as r')
    .where('r.candidate_id', candidateId)
    .orderBy('r.created_at', 'desc')
    .select(
      'r.voucher_id',
      'r.declined_at',
      'r.created_at',
      db.raw(
        `EXISTS (SELECT 1 FROM vouches v WHERE v.candidate_id = r.candidate_id
                   AND v.voucher_id = r.voucher_id AND v.withdrawn_at IS NULL) AS vouched`
      )
    )
  const cutoff = askCutoff().getTime()
  return rows.map((row) => ({
    voucherId: Number(row.voucher_id),
    createdAt: row.created_at,
    status: row.vouched
      ? 'vouched'
      : row.declined_at
        ? 'declined'
        : new Date(row.created_at).getTime() <= cutoff
          ? 'expired'
          : 'waiting',
  }))
}

export interface CountingVouch {
  id: number
  voucherId: number
  createdAt: Date
}

/**
 * Vouches that count for a candidate now: standing (not withdrawn, not
 * yet used), given for their present neighbourhood and street (a move
 * makes older ones stale), by neighbours still verified there. One per
 * voucher (unique index). Pass `trx` inside the vouching transaction.
 */
export async function countingVouches(
  candidateId: number,
  candidateHome: ResidentHome,
  trx?: TransactionClientContract
): Promise<CountingVouch[]> {
  if (candidateHome.neighbourhoodId === null) return []
  const rows = await (trx ?? db)
    .from('vouches')
    .where('candidate_id', candidateId)
    .whereNull('withdrawn_at')
    .whereNull('verification_id')
    .where('neighbourhood_id', candidateHome.neighbourhoodId)
    .orderBy('id')
    .select('id', 'voucher_id', 'street_name', 'created_at')
  const counting: CountingVouch[] = []
  for (const row of rows) {
    if ((row.street_name ?? null) !== (candidateHome.streetName ?? null)) continue
    const voucherId = Number(row.voucher_id)
    const home = await residentHome(voucherId, { trx })
    if (!home?.verifiedAt || home.neighbourhoodId !== candidateHome.neighbourhoodId) continue
    counting.push({ id: Number(row.id), voucherId, createdAt: row.created_at })
  }
  return counting
}

export type VouchStatus = 'pending' | 'counted' | 'withdrawn'

export interface VouchGiven {
  id: number
  candidateId: number
  streetName: string | null
  status: VouchStatus
  createdAt: Date
  withdrawnAt: Date | null
}

/** A voucher's own vouches, newest first. */
export async function vouchesGiven(voucherId: number, limit = 50): Promise<VouchGiven[]> {
  const rows = await db
    .from('vouches')
    .where('voucher_id', voucherId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'candidate_id', 'street_name', 'verification_id', 'withdrawn_at', 'created_at')
  return rows.map((row) => ({
    id: Number(row.id),
    candidateId: Number(row.candidate_id),
    streetName: row.street_name,
    status: row.verification_id ? 'counted' : row.withdrawn_at ? 'withdrawn' : 'pending',
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
  }))
}

/** Vouches a voucher gave since `since`, withdrawn ones included (the 30-day allowance). */
export async function vouchesGivenSince(voucherId: number, since: Date): Promise<number> {
  const row = await db
    .from('vouches')
    .where('voucher_id', voucherId)
    .where('created_at', '>', since)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
