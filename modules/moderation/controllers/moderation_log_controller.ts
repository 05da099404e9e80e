import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'
import { maySee } from '#modules/neighbourhoods/index'
import { neighbourhoodOfLog, publicLog } from '#modules/moderation/queries/public_log'
import { viewerId } from '#modules/moderation/services/pages'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

/**
 * A neighbourhood's public moderation log, for the residents of its town
 * (and operators): what was decided and why, never who reported nor
 * whose content it was.
 */
export default class ModerationLogController {
  async show(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const neighbourhood = await neighbourhoodOfLog(idParam(ctx))
    if (!neighbourhood) pageNotFound()
    const allowed =
      (await maySee(userId, { neighbourhoodId: neighbourhood!.id, scope: 'town' })) ||
      (await accounts.isOperator(userId))
    if (!allowed) pageNotFound()
    return ctx.view.render('moderation::pages/log', {
      neighbourhood,
      lines: await publicLog(neighbourhood!.id),
    })
  }
}
