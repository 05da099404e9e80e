import { accounts } from '#modules/accounts/index'
import { moderatedNeighbourhoodIds } from '#modules/neighbourhoods/index'

/**
 * Who may review which documents: operators all of them, a
 * neighbourhood's moderators those of their neighbourhoods only. Every
 * read and decision is filtered by the reviewer's own roles, never by an
 * id in the URL; anything outside answers 404.
 */
export interface ReviewScope {
  reviewerId: number
  operator: boolean
  neighbourhoodIds: number[]
}

/** null: the account reviews nothing. */
export async function reviewScopeOf(userId: number): Promise<ReviewScope | null> {
  const operator = await accounts.isOperator(userId)
  const neighbourhoodIds = operator ? [] : await moderatedNeighbourhoodIds(userId)
  if (!operator && neighbourhoodIds.length === 0) return null
  return { reviewerId: userId, operator, neighbourhoodIds }
}

export function coversNeighbourhood(scope: ReviewScope, neighbourhoodId: number | null): boolean {
  if (scope.operator) return true
  return neighbourhoodId !== null && scope.neighbourhoodIds.includes(neighbourhoodId)
}
