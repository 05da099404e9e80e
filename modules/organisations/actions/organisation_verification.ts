import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  findOrganisation,
  managedOrganisation,
  type OrganisationRow,
} from '#modules/organisations/queries/organisation_access'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import {
  codeMatches,
  decryptCode,
  encryptCode,
  formatCode,
  generateCode,
  hashCode,
  normaliseCode,
} from '#modules/organisations/services/postcard_codes'
import { organisationSettings } from '#modules/organisations/services/settings'

export interface ReviewDecision {
  decision: 'approved' | 'rejected'
  note: string
  emailDomainChecked: boolean
  phoneCallbackChecked: boolean
}

function refuseIfVerified(organisation: OrganisationRow) {
  if (organisation.verificationStatus === 'verified') {
    throw new OrganisationRefusal('already_verified', 409)
  }
}

/** Every decision is kept: who, when, how, with the operator's note and checklist. */
async function record(
  trx: TransactionClientContract,
  organisationId: number,
  entry: {
    method: 'postcard' | 'review'
    decision: 'approved' | 'rejected'
    decidedById: number
    note?: string
    checklist?: Record<string, boolean>
  }
) {
  const now = new Date()
  await trx.table('organisation_verifications').insert({
    organisation_id: organisationId,
    method: entry.method,
    decision: entry.decision,
    decided_by_id: entry.decidedById,
    note: entry.note ?? '',
    checklist: JSON.stringify(entry.checklist ?? {}),
    created_at: now,
  })
  await trx
    .from('organisations')
    .where('id', organisationId)
    .update({
      verification_status: entry.decision === 'approved' ? 'verified' : 'rejected',
      verified_at: entry.decision === 'approved' ? now : null,
      review_requested_at: null,
      updated_at: now,
    })
}

/**
 * How organisations get verified. Shops: SIRET checked at creation, then
 * a postcard code typed by a member or an operator's review. Town halls
 * (checklist: official e-mail domain, phone callback) and associations
 * (RNA checked at creation): an operator's review.
 */
export default class OrganisationVerification {
  /** A member asks for an operator's review (again after a rejection). */
  async requestReview(userId: number, organisationId: number): Promise<void> {
    await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const organisation = (await findOrganisation(organisationId, { trx, forUpdate: true }))!
      refuseIfVerified(organisation)
      if (organisation.verificationStatus === 'pending') {
        throw new OrganisationRefusal('review_pending', 409)
      }
      await trx
        .from('organisations')
        .where('id', organisationId)
        .update({ verification_status: 'pending', review_requested_at: new Date() })
    })
  }

  /** Shops only: a card with a code to the business address, printed by an operator. */
  async requestPostcard(userId: number, organisationId: number): Promise<void> {
    await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const organisation = (await findOrganisation(organisationId, { trx, forUpdate: true }))!
      if (organisation.kind !== 'shop') throw new OrganisationRefusal('wrong_kind', 409)
      refuseIfVerified(organisation)
      const pending = await trx
        .from('organisation_postcards')
        .where('organisation_id', organisationId)
        .whereNull('used_at')
        .where('attempts', '<', organisationSettings.postcardTries)
        .first()
      if (pending) throw new OrganisationRefusal('postcard_pending', 409)
      const code = generateCode()
      await trx.table('organisation_postcards').insert({
        organisation_id: organisationId,
        code_hash: hashCode(code),
        code_encrypted: encryptCode(code),
        address_label: organisation.addressLabel,
        requested_by_id: userId,
        created_at: new Date(),
      })
    })
  }

  /** A member types the code of the card that arrived: the shop is verified. */
  async enterCode(userId: number, organisationId: number, typed: string): Promise<void> {
    const outcome = await db.transaction(async (trx) => {
      await managedOrganisation(organisationId, userId, trx)
      const organisation = (await findOrganisation(organisationId, { trx, forUpdate: true }))!
      if (organisation.kind !== 'shop') throw new OrganisationRefusal('wrong_kind', 409)
      refuseIfVerified(organisation)
      const card = await trx
        .from('organisation_postcards')
        .where('organisation_id', organisationId)
        .whereNull('used_at')
        .whereNotNull('printed_at')
        .orderBy('id', 'desc')
        .forUpdate()
        .first()
      if (!card) throw new OrganisationRefusal('no_postcard', 409)
      if (card.attempts >= organisationSettings.postcardTries) {
        throw new OrganisationRefusal('too_many_tries', 409)
      }
      const code = normaliseCode(typed)
      if (!code || !codeMatches(code, card.code_hash)) {
        await trx
          .from('organisation_postcards')
          .where('id', card.id)
          .update({ attempts: card.attempts + 1 })
        return { wrong: true, left: organisationSettings.postcardTries - card.attempts - 1 }
      }
      await trx.from('organisation_postcards').where('id', card.id).update({ used_at: new Date() })
      await record(trx, organisationId, {
        method: 'postcard',
        decision: 'approved',
        decidedById: userId,
        note: `postcard #${card.id}`,
      })
      return { wrong: false, left: 0 }
    })
    /** The failed try is committed before the refusal (the count must stick). */
    if (outcome.wrong) {
      throw new OrganisationRefusal('wrong_code', 422, { left: outcome.left }, 'code')
    }
  }

  /** An operator decides a pending review. */
  async decide(operatorId: number, organisationId: number, input: ReviewDecision): Promise<void> {
    await db.transaction(async (trx) => {
      const organisation = await findOrganisation(organisationId, { trx, forUpdate: true })
      if (!organisation) throw new OrganisationNotFoundError()
      if (organisation.verificationStatus !== 'pending') {
        throw new OrganisationRefusal('not_pending', 409)
      }
      const checklist: Record<string, boolean> =
        organisation.kind === 'town_hall'
          ? {
              email_domain_checked: input.emailDomainChecked,
              phone_callback_checked: input.phoneCallbackChecked,
            }
          : ({} as Record<string, boolean>)
      if (input.decision === 'approved' && organisation.kind === 'town_hall') {
        if (!input.emailDomainChecked || !input.phoneCallbackChecked) {
          throw new OrganisationRefusal('checklist_incomplete', 422)
        }
      }
      if (input.decision === 'rejected' && input.note.trim() === '') {
        throw new OrganisationRefusal('note_required', 422, {}, 'note')
      }
      await record(trx, organisationId, {
        method: 'review',
        decision: input.decision,
        decidedById: operatorId,
        note: input.note,
        checklist,
      })
    })
  }

  /**
   * An operator prints a card: the code is shown this once and its
   * encrypted copy erased (only the hash stays to check what is typed).
   */
  async print(
    operatorId: number,
    postcardId: number
  ): Promise<{ code: string; addressLabel: string; organisationName: string }> {
    return db.transaction(async (trx) => {
      const card = await trx
        .from('organisation_postcards')
        .where('id', postcardId)
        .forUpdate()
        .first()
      if (!card) throw new OrganisationNotFoundError()
      const code = card.code_encrypted ? decryptCode(card.code_encrypted) : null
      if (!code || card.printed_at) throw new OrganisationRefusal('already_printed', 409)
      await trx
        .from('organisation_postcards')
        .where('id', postcardId)
        .update({ code_encrypted: null, printed_at: new Date(), printed_by_id: operatorId })
      const organisation = await findOrganisation(Number(card.organisation_id), { trx })
      return {
        code: formatCode(code),
        addressLabel: card.address_label,
        organisationName: organisation?.name ?? '',
      }
    })
  }
}
