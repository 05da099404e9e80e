import db from '@adonisjs/lucid/services/db'
import { viewableOrganisation } from '#modules/organisations/queries/organisation_access'
import {
  OrganisationNotFoundError,
  OrganisationRefusal,
} from '#modules/organisations/services/errors'

/**
 * A resident of the shop's town recommends it, once (a second press takes
 * the recommendation back). Its own members cannot.
 */
export default class ToggleRecommendation {
  async execute(userId: number, organisationId: number): Promise<boolean> {
    const { organisation, role } = await viewableOrganisation(organisationId, userId)
    if (organisation.kind !== 'shop') throw new OrganisationNotFoundError()
    if (role) throw new OrganisationRefusal('own_shop', 403)
    return db.transaction(async (trx) => {
      const removed = await trx
        .from('organisation_recommendations')
        .where({ organisation_id: organisationId, user_id: userId })
        .delete()
      if (Number(removed) > 0) return false
      await trx
        .table('organisation_recommendations')
        .insert({ organisation_id: organisationId, user_id: userId, created_at: new Date() })
        .onConflict(['organisation_id', 'user_id'])
        .ignore()
      return true
    })
  }
}
