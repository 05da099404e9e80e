import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'

/** The signed-in account as this module needs it (no import of accounts' model). */
interface Viewer {
  id: number
  role?: string
}

/** Who names and withdraws neighbourhood moderators: operators only. */
export default class ModeratorPolicy extends BasePolicy {
  manage(viewer: Viewer): AuthorizerResponse {
    return viewer.role === 'operator'
  }
}
