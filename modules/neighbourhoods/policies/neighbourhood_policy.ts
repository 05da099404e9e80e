import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import { rolesIn } from '#modules/neighbourhoods/queries/roles'

/** The signed-in account as this module needs it (no import of accounts' model). */
interface Viewer {
  id: number
  role?: string
}

/**
 * Who may change a neighbourhood's boundary: its super voisins and
 * moderators propose, moderators and operators apply, reject and revert.
 */
export default class NeighbourhoodPolicy extends BasePolicy {
  async proposeBoundary(
    viewer: Viewer,
    neighbourhood: { id: number }
  ): Promise<AuthorizerResponse> {
    if (viewer.role === 'operator') return true
    const roles = await rolesIn(viewer.id, neighbourhood.id)
    return roles.has('super_voisin') || roles.has('moderator')
  }

  async reviewBoundary(viewer: Viewer, neighbourhood: { id: number }): Promise<AuthorizerResponse> {
    if (viewer.role === 'operator') return true
    const roles = await rolesIn(viewer.id, neighbourhood.id)
    return roles.has('moderator')
  }
}
