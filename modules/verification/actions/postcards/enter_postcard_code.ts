import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { residentHome } from '#modules/neighbourhoods/index'
import RecordVerification from '#modules/verification/actions/record_verification'
import type PostcardRequest from '#modules/verification/models/postcard_request'
import { latestRequest } from '#modules/verification/queries/postcards'
import { notifyVerified } from '#modules/verification/services/notify'
import { codeMatches } from '#modules/verification/services/postcards/code_secrets'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'
import { addDays, postcardSettings } from '#modules/verification/services/postcards/settings'

type Outcome = { kind: 'verified' } | { kind: 'refused'; refusal: PostcardRefusal }

/**
 * A resident types the code of their card. Only their own card on its
 * way counts (printed or posted, not expired, not locked), its row locked
 * for the check. A wrong code costs a try, the 5th locks the card; the
 * right one is used once and verifies the resident in the same
 * transaction. Wrong tries and expiry are committed before the refusal.
 * `code` is already normalised; it is never stored nor logged.
 */
export default class EnterPostcardCode {
  async execute(userId: number, code: string): Promise<void> {
    const outcome = await db.transaction(async (trx): Promise<Outcome> => {
      const home = await residentHome(userId, { trx, forUpdate: true })
      if (!home) throw new PostcardRefusal('not_placed')
      if (home.verifiedAt) throw new PostcardRefusal('already_verified')
      const request = await latestRequest(userId, { client: trx, forUpdate: true })
      if (!request) throw new PostcardRefusal('no_card')
      const retryFrom = addDays(request.requestedAt.toJSDate(), postcardSettings.retryAfterDays)
      if (request.status === 'requested') throw new PostcardRefusal('not_printed')
      if (request.status === 'locked') throw new PostcardRefusal('locked', { date: retryFrom })
      if (request.status === 'expired') throw new PostcardRefusal('expired')
      if (request.status !== 'printed' && request.status !== 'posted') {
        throw new PostcardRefusal('no_card')
      }

      const now = DateTime.now()
      if (request.homeLabel !== home.addressLabel) {
        await this.close(request, { status: 'cancelled' }, trx)
        return { kind: 'refused', refusal: new PostcardRefusal('moved') }
      }
      if (request.expiresAt && request.expiresAt <= now) {
        await this.close(request, { status: 'expired' }, trx)
        return { kind: 'refused', refusal: new PostcardRefusal('expired') }
      }
      if (!request.codeHash || !codeMatches(code, request.codeHash)) {
        const failedAttempts = request.failedAttempts + 1
        if (failedAttempts >= postcardSettings.maxAttempts) {
          await this.close(request, { status: 'locked', lockedAt: now, failedAttempts }, trx)
          return {
            kind: 'refused',
            refusal: new PostcardRefusal('code_locked', { date: retryFrom }, 422, 'code'),
          }
        }
        request.merge({ failedAttempts })
        await request.useTransaction(trx).save()
        const left = postcardSettings.maxAttempts - failedAttempts
        return {
          kind: 'refused',
          refusal: new PostcardRefusal('wrong_code', { count: left }, 422, 'code'),
        }
      }

      await this.close(request, { status: 'used', usedAt: now }, trx)
      await new RecordVerification().execute({ userId, method: 'postcard' }, trx)
      return { kind: 'verified' }
    })
    if (outcome.kind === 'refused') throw outcome.refusal
    await notifyVerified(userId)
  }

  /** A card whose code is dead keeps no encrypted copy of it. */
  private async close(
    request: PostcardRequest,
    changes: Partial<Pick<PostcardRequest, 'status' | 'lockedAt' | 'usedAt' | 'failedAttempts'>>,
    trx: TransactionClientContract
  ) {
    request.merge({ ...changes, codeEncrypted: null })
    await request.useTransaction(trx).save()
  }
}
