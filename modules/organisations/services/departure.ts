import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { notify } from '#modules/notifications/index'
import { findOrganisation } from '#modules/organisations/queries/organisation_access'
import { managePath } from '#modules/organisations/services/links'

interface HandedOver {
  userId: number
  organisationId: number
  name: string
}

/**
 * A resident leaves Quartier (account erasure), inside the erasure's
 * transaction. An organisation must always have someone answering for it
 * (the last owner cannot leave otherwise): where they were its only
 * owner, the editor who joined first becomes owner, and is told after
 * the commit. An organisation with no other member keeps no member; an
 * operator can still see it in the back office.
 */
export async function handOverOrganisations(
  userId: number,
  trx: TransactionClientContract
): Promise<void> {
  const owned = await trx
    .from('organisation_members')
    .where({ user_id: userId, role: 'owner' })
    .orderBy('organisation_id')
    .select('organisation_id')
  const handedOver: HandedOver[] = []
  for (const row of owned) {
    const organisationId = Number(row.organisation_id)
    /** Locked as member changes lock it, so a concurrent change sees the new owner. */
    const organisation = await findOrganisation(organisationId, { trx, forUpdate: true })
    if (!organisation) continue
    const otherOwner = await trx
      .from('organisation_members')
      .where({ organisation_id: organisationId, role: 'owner' })
      .whereNot('user_id', userId)
      .first()
    if (otherOwner) continue
    const successor = await trx
      .from('organisation_members')
      .where({ organisation_id: organisationId, role: 'editor' })
      .orderBy('created_at')
      .orderBy('user_id')
      .first()
    if (!successor) continue
    await trx
      .from('organisation_members')
      .where({ organisation_id: organisationId, user_id: successor.user_id })
      .update({ role: 'owner' })
    handedOver.push({
      userId: Number(successor.user_id),
      organisationId,
      name: organisation.name,
    })
  }
  trx.after('commit', async () => {
    for (const entry of handedOver) {
      await notify({
        userId: entry.userId,
        type: 'organisations.updates',
        keys: 'organisations.mail.owner_left',
        values: { organisation: entry.name },
        path: managePath(entry.organisationId),
      })
    }
  })
}
