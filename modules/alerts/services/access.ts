import { accounts } from '#modules/accounts/index'
import { moderatedNeighbourhoodIds, residentHome } from '#modules/neighbourhoods/index'

export interface AlertAccess {
  /** May read the alert (its neighbourhood's residents, its author, moderators, operators). */
  canSee: boolean
  /** May retract it and see its delivery counts. */
  canModerate: boolean
  isAuthor: boolean
}

/**
 * Who may do what with an alert, from the viewer's own rows and roles
 * (never from the URL): residents of the alert's neighbourhood read it;
 * moderators of that neighbourhood and operators also retract it.
 */
export async function alertAccess(
  userId: number,
  alert: { neighbourhoodId: number; authorId: number | null; hiddenAt?: Date | null }
): Promise<AlertAccess> {
  const [operator, moderated, home] = await Promise.all([
    accounts.isOperator(userId),
    moderatedNeighbourhoodIds(userId),
    residentHome(userId),
  ])
  const canModerate = operator || moderated.includes(alert.neighbourhoodId)
  const isAuthor = alert.authorId === userId
  return {
    /** Hidden by moderation: its author and moderators only. */
    canSee:
      canModerate ||
      isAuthor ||
      (!alert.hiddenAt && home?.neighbourhoodId === alert.neighbourhoodId),
    canModerate,
    isAuthor,
  }
}
