import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import { ambassadorHome, isSuperVoisinIn } from '#modules/neighbourhoods/queries/ambassadors'

/** The signed-in account as this module needs it (no import of accounts' model). */
interface Viewer {
  id: number
  role?: string
}

/**
 * The super voisin programme: a super voisin of their own neighbourhood
 * orders kits; operators review applications and move kit orders.
 * Residents reach only their own application and orders (the queries are
 * scoped by their id).
 */
export default class AmbassadorPolicy extends BasePolicy {
  async orderKit(viewer: Viewer): Promise<AuthorizerResponse> {
    const id = Number(viewer.id)
    const home = await ambassadorHome(id)
    return home !== null && (await isSuperVoisinIn(id, home.neighbourhoodId))
  }

  review(viewer: Viewer): AuthorizerResponse {
    return viewer.role === 'operator'
  }
}
