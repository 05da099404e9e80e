import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Invitation, {
  type InvitationAudience,
  type InvitationChannel,
} from '#modules/neighbourhoods/models/invitation'
import { generateCode } from '#modules/neighbourhoods/services/invitations/codes'
import {
  AlreadyInvitedError,
  DailyLimitError,
  NoHomeError,
} from '#modules/neighbourhoods/services/invitations/errors'
import {
  findInviter,
  type Inviter,
  type InvitingUser,
} from '#modules/neighbourhoods/services/invitations/inviters'
import { invitationSettings } from '#modules/neighbourhoods/services/invitations/settings'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Personal invitations are written in two steps around the sending, so
 * that nothing is ever held open while a provider answers and nothing is
 * recorded as sent that did not leave:
 *
 * 1. reserve(): one short transaction, the inviter's resident row locked
 *    (so one resident's requests are counted one at a time and the daily
 *    limits are exact), limits checked, the row inserted with sent_at null;
 * 2. after commit, the caller sends, then markSent() or, on failure,
 *    discard() (the row disappears as if nothing happened).
 *
 * A reserved row counts in the daily limits (a double submit cannot
 * overshoot them) but cannot be joined through and is not listed.
 */
export async function reserveInvitation(
  user: InvitingUser,
  input: {
    channel: Exclude<InvitationChannel, 'letter'>
    audience: InvitationAudience
    recipient: string
    message?: string | null
    dailyLimit: number
    /**
     * Extra rule checked under the lock, before anything is counted or
     * written (e.g. verified residents only, or a recipient who opted
     * out: read through `trx`, the only connection the transaction may use).
     */
    allow?: (inviter: Inviter, trx: TransactionClientContract) => void | Promise<void>
  }
): Promise<{ invitation: Invitation; inviter: Inviter }> {
  return db.transaction(async (trx) => {
    const inviter = await findInviter(user, trx)
    if (!inviter) throw new NoHomeError()
    await input.allow?.(inviter, trx)

    const now = DateTime.now()
    const sentToday = await countSince(trx, user.id, input.channel, now.minus({ hours: 24 }))
    if (sentToday >= input.dailyLimit) throw new DailyLimitError(input.dailyLimit)

    /** Someone already invited (and not joined yet) is not invited again. */
    const pending = await Invitation.query({ client: trx })
      .where('inviter_id', user.id)
      .where('channel', input.channel)
      .where('recipient', input.recipient)
      .where('expires_at', '>', now.toJSDate())
      /** Sent, or being sent right now (a double submit); not a send that crashed long ago. */
      .where((query) =>
        query
          .whereNotNull('sent_at')
          .orWhere('created_at', '>', now.minus({ minutes: 5 }).toJSDate())
      )
      .whereNotExists((query) =>
        query
          .from('invitation_joins')
          .whereColumn('invitation_joins.invitation_id', 'invitations.id')
      )
      .first()
    if (pending) throw new AlreadyInvitedError()

    const invitation = await Invitation.create(
      {
        neighbourhoodId: inviter.neighbourhoodId,
        inviterId: user.id,
        channel: input.channel,
        audience: input.audience,
        recipient: input.recipient,
        message: input.message || null,
        code: await uniqueCode(trx),
        expiresAt: now.plus({ days: invitationSettings.ttlDays }),
        sentAt: null,
      },
      { client: trx }
    )
    return { invitation, inviter }
  })
}

export async function markSent(invitation: Invitation) {
  invitation.sentAt = DateTime.now()
  await invitation.save()
}

/** Sending failed: forget the reservation. */
export async function discard(invitation: Invitation) {
  await Invitation.query().where('id', invitation.id).whereNull('sent_at').delete()
}

/**
 * The resident's current letter/flyer code for an audience in their
 * neighbourhood, or a new one when there is none or it ends soon.
 */
export async function currentLetterInvitation(
  user: InvitingUser,
  audience: InvitationAudience
): Promise<{ invitation: Invitation; inviter: Inviter }> {
  return db.transaction(async (trx) => {
    const inviter = await findInviter(user, trx)
    if (!inviter) throw new NoHomeError()
    const now = DateTime.now()
    const current = await Invitation.query({ client: trx })
      .where('inviter_id', user.id)
      .where('neighbourhood_id', inviter.neighbourhoodId)
      .where('channel', 'letter')
      .where('audience', audience)
      .whereNotNull('sent_at')
      .where(
        'expires_at',
        '>',
        now.plus({ days: invitationSettings.letterReuseMinDays }).toJSDate()
      )
      .orderBy('expires_at', 'desc')
      .first()
    if (current) return { invitation: current, inviter }

    const invitation = await Invitation.create(
      {
        neighbourhoodId: inviter.neighbourhoodId,
        inviterId: user.id,
        channel: 'letter',
        audience,
        recipient: null,
        message: null,
        code: await uniqueCode(trx),
        expiresAt: now.plus({ days: invitationSettings.ttlDays }),
        sentAt: now,
      },
      { client: trx }
    )
    return { invitation, inviter }
  })
}

async function countSince(
  trx: TransactionClientContract,
  inviterId: number,
  channel: InvitationChannel,
  since: DateTime
): Promise<number> {
  const row = await trx
    .from('invitations')
    .where('inviter_id', inviterId)
    .where('channel', channel)
    .where('created_at', '>', since.toJSDate())
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/**
 * A code nobody holds. With 2^50 codes a clash is all but impossible; the
 * unique index is the guarantee, this loop just avoids a failed insert.
 */
async function uniqueCode(trx: TransactionClientContract): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateCode()
    const taken = await trx.from('invitations').where('code', code).select('id').first()
    if (!taken) return code
  }
  throw new Error('Could not draw a free invitation code')
}
