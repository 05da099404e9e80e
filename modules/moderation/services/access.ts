import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accounts } from '#modules/accounts/index'
import { moderatedNeighbourhoodIds } from '#modules/neighbourhoods/index'

/** Whose reports a resident reviews: every neighbourhood (operators) or those they moderate. */
export interface ModeratorScope {
  operator: boolean
  neighbourhoodIds: number[]
}

export async function moderatorScope(userId: number): Promise<ModeratorScope> {
  const [operator, neighbourhoodIds] = await Promise.all([
    accounts.isOperator(userId),
    moderatedNeighbourhoodIds(userId),
  ])
  return { operator, neighbourhoodIds }
}

export function isModerator(scope: ModeratorScope): boolean {
  return scope.operator || scope.neighbourhoodIds.length > 0
}

export function covers(scope: ModeratorScope, neighbourhoodId: number): boolean {
  return scope.operator || scope.neighbourhoodIds.includes(Number(neighbourhoodId))
}

/**
 * May this resident moderate content of `neighbourhoodId` (an operator,
 * or a moderator of that neighbourhood)? One query; pass `trx` inside a
 * transaction.
 */
export async function mayModerate(
  userId: number,
  neighbourhoodId: number,
  options: { trx?: TransactionClientContract } = {}
): Promise<boolean> {
  const { rows } = await (options.trx ?? db).rawQuery(
    `SELECT EXISTS (SELECT 1 FROM users WHERE id = ? AND role = 'operator')
         OR EXISTS (SELECT 1 FROM neighbourhood_roles
                     WHERE user_id = ? AND neighbourhood_id = ? AND role = 'moderator') AS allowed`,
    [userId, userId, neighbourhoodId]
  )
  return rows[0]?.allowed === true
}

/**
 * Who still sees hidden content: its author (with a "hidden by
 * moderation" notice) and its moderators. Null for everyone else, to
 * whom it is as if it did not exist.
 */
export async function hiddenContentViewer(
  viewerId: number,
  content: { authorId: number | null; neighbourhoodId: number }
): Promise<'author' | 'moderator' | null> {
  if (content.authorId !== null && Number(content.authorId) === Number(viewerId)) return 'author'
  return (await mayModerate(viewerId, content.neighbourhoodId)) ? 'moderator' : null
}
