import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import TakeAction from '#modules/moderation/actions/take_action'
import { moderationQueue } from '#modules/moderation/queries/queue'
import { reportPage } from '#modules/moderation/queries/report_page'
import { isModerator, moderatorScope } from '#modules/moderation/services/access'
import { tellAuthor } from '#modules/moderation/services/notify'
import { moderationRefusal, viewerId } from '#modules/moderation/services/pages'
import { MODERATOR_ACTIONS } from '#modules/moderation/services/settings'
import { actionValidator } from '#modules/moderation/validators/moderation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const QUEUE_VIEW = 'moderation::pages/queue'
const REPORT_VIEW = 'moderation::pages/report'

/**
 * The moderators' queue: open reports of the neighbourhoods a resident
 * moderates (every neighbourhood for operators), and one report's page
 * where they decide. Anyone else, or another neighbourhood's report: 404.
 */
export default class ModerationQueueController {
  async index(ctx: HttpContext) {
    const scope = await moderatorScope(viewerId(ctx))
    if (!isModerator(scope)) pageNotFound()
    return ctx.view.render(QUEUE_VIEW, {
      entries: await moderationQueue(scope),
      operator: scope.operator,
    })
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(REPORT_VIEW, await this.reportState(ctx, idParam(ctx)))
  }

  async act(ctx: HttpContext) {
    const moderatorId = viewerId(ctx)
    const reportId = idParam(ctx)
    const state = await this.reportState(ctx, reportId)
    const input = await validateForm(ctx, actionValidator, REPORT_VIEW, state)
    try {
      const outcome = await new TakeAction().execute({
        moderatorId,
        reportId,
        action: input.moderation_action,
        reason: input.moderation_reason,
        days: input.suspend_days,
      })
      if (input.moderation_action !== 'dismiss') {
        await tellAuthor(outcome.authorId, {
          action: input.moderation_action,
          reason: input.moderation_reason,
          until: outcome.until,
        })
      }
    } catch (error) {
      throw await moderationRefusal(ctx, error, async () => ({ view: REPORT_VIEW, state }))
    }
    ctx.session.flash('success', `moderation.flash.done.${input.moderation_action}`)
    return ctx.response.redirect().toRoute('moderation.queue')
  }

  private async reportState(ctx: HttpContext, reportId: number) {
    const scope = await moderatorScope(viewerId(ctx))
    if (!isModerator(scope)) pageNotFound()
    const page = await reportPage(reportId, scope)
    if (!page) pageNotFound()
    return { page: page!, actions: MODERATOR_ACTIONS } as Record<string, unknown>
  }
}
