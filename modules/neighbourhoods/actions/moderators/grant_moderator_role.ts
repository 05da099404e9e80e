import db from '@adonisjs/lucid/services/db'
import { NotSuperVoisinOfNeighbourhoodError } from '#modules/neighbourhoods/services/moderators/errors'
import { tellResident } from '#modules/neighbourhoods/services/moderators/notify'

/** `unchanged`: they already moderate that neighbourhood (a double click): nothing written. */
export type GrantOutcome = 'granted' | 'unchanged'

/**
 * An operator makes a super voisin of a neighbourhood one of its
 * moderators: they then review its reports (modules/moderation reads the
 * role). Only a super voisin of THAT neighbourhood qualifies. The
 * operator and the moment are recorded on the role row; the resident is
 * told once it is committed.
 */
export default class GrantModeratorRole {
  async execute(input: {
    userId: number
    neighbourhoodId: number
    operatorId: number
  }): Promise<GrantOutcome> {
    const outcome = await db.transaction(async (trx) => {
      /** Locked: a grant racing a withdrawal of the super voisin role waits for it. */
      const superVoisin = await trx
        .from('neighbourhood_roles')
        .where({
          user_id: input.userId,
          neighbourhood_id: input.neighbourhoodId,
          role: 'super_voisin',
        })
        .forUpdate()
        .select('id')
        .first()
      if (!superVoisin) throw new NotSuperVoisinOfNeighbourhoodError()

      /** The unique (neighbourhood, user, role) index keeps one row, even for two clicks at once. */
      const { rows } = await trx.rawQuery(
        `INSERT INTO neighbourhood_roles (neighbourhood_id, user_id, role, granted_by_id, created_at)
         VALUES (?, ?, 'moderator', ?, now())
         ON CONFLICT (neighbourhood_id, user_id, role) DO NOTHING
         RETURNING id`,
        [input.neighbourhoodId, input.userId, input.operatorId]
      )
      return rows.length > 0 ? ('granted' as const) : ('unchanged' as const)
    })

    if (outcome === 'granted') {
      await tellResident(input.userId, input.neighbourhoodId, { kind: 'granted' })
    }
    return outcome
  }
}
