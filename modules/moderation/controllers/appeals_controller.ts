import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import { accounts } from '#modules/accounts/index'
import DecideAppeal from '#modules/moderation/actions/decide_appeal'
import FileAppeal from '#modules/moderation/actions/file_appeal'
import { actionsAgainst, pendingAppeals } from '#modules/moderation/queries/appeals'
import { tellAuthor } from '#modules/moderation/services/notify'
import { moderationRefusal, viewerId } from '#modules/moderation/services/pages'
import {
  appealDecisionValidator,
  appealValidator,
} from '#modules/moderation/validators/moderation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const MINE_VIEW = 'moderation::pages/appeals'
const REVIEW_VIEW = 'moderation::pages/appeals_review'

/**
 * Appeals: a resident sees what moderation decided about them and may
 * appeal each decision once; an operator upholds or overturns it.
 */
export default class AppealsController {
  async index(ctx: HttpContext) {
    return ctx.view.render(MINE_VIEW, await this.mineState(viewerId(ctx)))
  }

  async store(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const state = await this.mineState(userId)
    const input = await validateForm(ctx, appealValidator, MINE_VIEW, state)
    try {
      await new FileAppeal().execute({
        authorId: userId,
        actionId: input.action_id,
        text: input.appeal_text,
      })
    } catch (error) {
      throw await moderationRefusal(ctx, error, async () => ({ view: MINE_VIEW, state }))
    }
    ctx.session.flash('success', 'moderation.flash.appealed')
    return ctx.response.redirect().toRoute('moderation.appeals.index')
  }

  async review(ctx: HttpContext) {
    return ctx.view.render(REVIEW_VIEW, await this.reviewState())
  }

  async decide(ctx: HttpContext) {
    const operatorId = viewerId(ctx)
    if (!(await accounts.isOperator(operatorId))) pageNotFound()
    const appealId = idParam(ctx)
    const state = await this.reviewState()
    const input = await validateForm(ctx, appealDecisionValidator, REVIEW_VIEW, state)
    try {
      const outcome = await new DecideAppeal().execute({
        appealId,
        operatorId,
        decision: input.decision,
        reason: input.moderation_reason,
      })
      await tellAuthor(outcome.authorId, {
        action: outcome.overturned ? 'appeal_overturned' : 'appeal_upheld',
        reason: input.moderation_reason,
      })
    } catch (error) {
      throw await moderationRefusal(ctx, error, async () => ({ view: REVIEW_VIEW, state }))
    }
    ctx.session.flash('success', `moderation.flash.appeal_${input.decision}`)
    return ctx.response.redirect().toRoute('moderation.appeal_review.index')
  }

  private async mineState(userId: number) {
    return { actions: await actionsAgainst(userId) } as Record<string, unknown>
  }

  private async reviewState() {
    const appeals = await pendingAppeals()
    const names = await accounts.displayNames(appeals.map((appeal) => appeal.authorId))
    return { appeals, names } as Record<string, unknown>
  }
}
