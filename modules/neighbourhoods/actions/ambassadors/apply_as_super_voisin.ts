import db from '@adonisjs/lucid/services/db'
import AmbassadorApplication, {
  type AmbassadorAvailability,
} from '#modules/neighbourhoods/models/ambassador_application'
import {
  ambassadorHome,
  isSuperVoisinIn,
  lastRefusalOf,
} from '#modules/neighbourhoods/queries/ambassadors'
import {
  AlreadySuperVoisinError,
  ApplicationPendingError,
  NoNeighbourhoodError,
  TooSoonToReapplyError,
  isUniqueViolation,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import { reapplyDate } from '#modules/neighbourhoods/services/ambassadors/settings'

/**
 * A resident applies to become the super voisin of their own
 * neighbourhood (from their home, never from the request). Refused when
 * they have no neighbourhood, already hold the role there, have an
 * application waiting, or were refused less than 30 days ago.
 */
export default class ApplyAsSuperVoisin {
  async execute(
    userId: number,
    input: { motivation: string; availability: AmbassadorAvailability }
  ): Promise<AmbassadorApplication> {
    try {
      return await db.transaction(async (trx) => {
        const home = await ambassadorHome(userId, { client: trx, lock: true })
        if (!home) throw new NoNeighbourhoodError()
        if (await isSuperVoisinIn(userId, home.neighbourhoodId, trx)) {
          throw new AlreadySuperVoisinError()
        }
        const pending = await trx
          .from('ambassador_applications')
          .where({ user_id: userId, status: 'pending' })
          .select('id')
          .first()
        if (pending) throw new ApplicationPendingError()
        const refusedAt = await lastRefusalOf(userId, trx)
        if (refusedAt && reapplyDate(refusedAt) > new Date()) {
          throw new TooSoonToReapplyError(reapplyDate(refusedAt))
        }
        return AmbassadorApplication.create(
          {
            userId,
            neighbourhoodId: home.neighbourhoodId,
            motivation: input.motivation,
            availability: input.availability,
            status: 'pending',
          },
          { client: trx }
        )
      })
    } catch (error) {
      /** Two submits at once: the partial unique index keeps one. */
      if (isUniqueViolation(error, 'ambassador_applications_one_pending')) {
        throw new ApplicationPendingError()
      }
      throw error
    }
  }
}
