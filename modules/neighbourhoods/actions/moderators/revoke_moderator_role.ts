import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import NeighbourhoodRole from '#modules/neighbourhoods/models/neighbourhood_role'
import { tellResident } from '#modules/neighbourhoods/services/moderators/notify'

/** `unchanged`: they were not (or no longer) a moderator there (a double click): nothing done. */
export type RevokeOutcome = 'revoked' | 'unchanged'

/**
 * An operator withdraws a resident's moderator role in a neighbourhood,
 * with a reason the resident receives. The role row goes (their access to
 * the neighbourhood's reports with it); roles have no history table, so
 * the withdrawal, by whom and why, is written to the log.
 */
export default class RevokeModeratorRole {
  async execute(input: {
    userId: number
    neighbourhoodId: number
    operatorId: number
    reason: string
  }): Promise<RevokeOutcome> {
    const revoked = await db.transaction(async (trx) => {
      const role = await NeighbourhoodRole.query({ client: trx })
        .where({
          user_id: input.userId,
          neighbourhood_id: input.neighbourhoodId,
          role: 'moderator',
        })
        .forUpdate()
        .first()
      if (!role) return null
      await role.delete()
      return role
    })
    if (!revoked) return 'unchanged'

    logger.info(
      {
        userId: input.userId,
        neighbourhoodId: input.neighbourhoodId,
        revokedById: input.operatorId,
        grantedById: revoked.grantedById,
        grantedAt: revoked.createdAt.toISO(),
        reason: input.reason,
      },
      'moderator role revoked'
    )
    await tellResident(input.userId, input.neighbourhoodId, {
      kind: 'revoked',
      reason: input.reason,
    })
    return 'revoked'
  }
}
