import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { residentHome, townOf } from '#modules/neighbourhoods/index'
import PostcardRequest from '#modules/verification/models/postcard_request'
import { addressRequestDates, latestRequest } from '#modules/verification/queries/postcards'
import { addressKey, postcodeInDepartement } from '#modules/verification/services/postcards/address'
import {
  effectiveStatus,
  postcardEligibility,
} from '#modules/verification/services/postcards/eligibility'
import { PostcardRefusal } from '#modules/verification/services/postcards/errors'

export interface PostcardRequestInput {
  postcard_name: string
  postcard_complement?: string
  postcard_street: string
  postcard_postcode: string
  postcard_town: string
}

/**
 * A resident asks for a postcard to their home. Refused when they are not
 * placed or already verified, when the postcode is outside the
 * département of the town they placed their home in (nobody gets a card
 * sent far from where they say they live), or when the rules of
 * postcardEligibility say no. A card still on its way (lost, 30 days on)
 * is cancelled by the new one. The resident's row is locked first, so a
 * double submit cannot make two.
 */
export default class RequestPostcard {
  async execute(userId: number, input: PostcardRequestInput): Promise<PostcardRequest> {
    /** Read before the transaction: townOf() has no transaction option. */
    const placed = await residentHome(userId)
    if (!placed) throw new PostcardRefusal('not_placed')
    if (placed.verifiedAt) throw new PostcardRefusal('already_verified')
    const town = placed.townId === null ? null : await townOf(placed.townId)
    if (!town) throw new PostcardRefusal('no_town')
    if (!postcodeInDepartement(input.postcard_postcode, town.departement)) {
      throw new PostcardRefusal(
        'departement',
        { town: town.name, departement: town.departement },
        422,
        'postcard_postcode'
      )
    }
    const key = addressKey(input.postcard_street, input.postcard_postcode)

    return db.transaction(async (trx) => {
      const home = await residentHome(userId, { trx, forUpdate: true })
      if (!home || home.townId !== placed.townId) throw new PostcardRefusal('home_changed')
      if (home.verifiedAt) throw new PostcardRefusal('already_verified')
      /** Serialises requests for one address across accounts (the 3-a-year rule). */
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`postcard:${key}`])

      const now = new Date()
      const latest = await latestRequest(userId, { client: trx, forUpdate: true })
      const facts = latest && {
        status: latest.status,
        requestedAt: latest.requestedAt.toJSDate(),
        expiresAt: latest.expiresAt?.toJSDate() ?? null,
        homeLabel: latest.homeLabel,
      }
      const effective = facts && {
        ...facts,
        effective: effectiveStatus(facts, now, home.addressLabel),
      }
      const eligibility = postcardEligibility(
        effective,
        await addressRequestDates(key, now, { client: trx }),
        now
      )
      if (eligibility.kind !== 'can_ask') {
        const reason =
          eligibility.kind === 'too_soon' ? `too_soon_${eligibility.reason}` : eligibility.kind
        const values: Record<string, Date> =
          'retryFrom' in eligibility ? { date: eligibility.retryFrom } : {}
        throw new PostcardRefusal(reason, values)
      }

      /** The previous card, if still open, is replaced (expired, moved away or lost). */
      await PostcardRequest.query({ client: trx })
        .where('user_id', userId)
        .whereIn('status', ['printed', 'posted'])
        .where('expires_at', '<=', now)
        .update({ status: 'expired', code_encrypted: null, updated_at: now })
      await PostcardRequest.query({ client: trx })
        .where('user_id', userId)
        .whereIn('status', ['requested', 'printed', 'posted'])
        .update({ status: 'cancelled', code_encrypted: null, updated_at: now })

      return PostcardRequest.create(
        {
          userId,
          recipientName: input.postcard_name,
          complement: input.postcard_complement || null,
          street: input.postcard_street,
          postcode: input.postcard_postcode,
          town: input.postcard_town,
          addressKey: key,
          homeLabel: home.addressLabel,
          status: 'requested',
          failedAttempts: 0,
          requestedAt: DateTime.fromJSDate(now),
        },
        { client: trx }
      )
    })
  }
}
