import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accounts } from '#modules/accounts/index'
import {
  findOrganisation,
  managedOrganisation,
  ownedOrganisation,
  roleOf,
} from '#modules/organisations/queries/organisation_access'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'
import type { Role } from '#modules/organisations/services/settings'

/**
 * Members are managed by owners: add an existing account (by its exact
 * e-mail, or picked from a search by name) as owner or editor, remove
 * one. Anyone may leave, except the last owner (an organisation always
 * has someone answering for it). The organisation's row is locked so two
 * owners leaving at once cannot both succeed.
 */
export default class ManageMembers {
  async add(
    ownerId: number,
    organisationId: number,
    input: { email?: string; userId?: number; role: Role }
  ): Promise<number> {
    let memberId: number | null = null
    if (input.userId) {
      const resident = await accounts.findResident(input.userId)
      memberId = resident?.id ?? null
    } else if (input.email) {
      const [found] = await accounts.search(input.email, 1)
      memberId = found?.id ?? null
    }
    if (memberId === null) {
      throw new OrganisationRefusal('no_account', 422, {}, input.userId ? undefined : 'email')
    }
    const newMemberId = Number(memberId)
    await db.transaction(async (trx) => {
      await ownedOrganisation(organisationId, ownerId, trx)
      await findOrganisation(organisationId, { trx, forUpdate: true })
      if (await roleOf(organisationId, newMemberId, trx)) {
        throw new OrganisationRefusal('already_member', 409)
      }
      await trx.table('organisation_members').insert({
        organisation_id: organisationId,
        user_id: newMemberId,
        role: input.role,
        created_at: new Date(),
      })
    })
    return newMemberId
  }

  /** An owner removes a member, or a member (`actorId === memberId`) leaves. */
  async remove(actorId: number, organisationId: number, memberId: number): Promise<void> {
    await db.transaction(async (trx) => {
      if (actorId !== memberId) await ownedOrganisation(organisationId, actorId, trx)
      else await managedOrganisation(organisationId, actorId, trx)
      const organisation = await findOrganisation(organisationId, { trx, forUpdate: true })
      if (!organisation) throw new OrganisationNotFoundError()
      const role = await roleOf(organisationId, memberId, trx)
      if (!role) throw new OrganisationRefusal('not_member', 409)
      if (role === 'owner' && (await this.owners(trx, organisationId)) <= 1) {
        throw new OrganisationRefusal('last_owner', 409)
      }
      await trx
        .from('organisation_members')
        .where({ organisation_id: organisationId, user_id: memberId })
        .delete()
    })
  }

  /**
   * An owner makes an editor owner, or an owner (themselves included)
   * editor; never the last owner, so someone always answers for it.
   */
  async changeRole(
    ownerId: number,
    organisationId: number,
    memberId: number,
    role: Role
  ): Promise<void> {
    await db.transaction(async (trx) => {
      await ownedOrganisation(organisationId, ownerId, trx)
      await findOrganisation(organisationId, { trx, forUpdate: true })
      const current = await roleOf(organisationId, memberId, trx)
      if (!current) throw new OrganisationRefusal('not_member', 409)
      if (current === role) return
      if (current === 'owner' && (await this.owners(trx, organisationId)) <= 1) {
        throw new OrganisationRefusal('last_owner_role', 409)
      }
      await trx
        .from('organisation_members')
        .where({ organisation_id: organisationId, user_id: memberId })
        .update({ role })
    })
  }

  private async owners(trx: TransactionClientContract, organisationId: number): Promise<number> {
    const row = await trx
      .from('organisation_members')
      .where({ organisation_id: organisationId, role: 'owner' })
      .count('* as total')
      .first()
    return Number(row?.total ?? 0)
  }
}
