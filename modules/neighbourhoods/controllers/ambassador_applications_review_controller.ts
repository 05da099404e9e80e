import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import DecideAmbassadorApplication from '#modules/neighbourhoods/actions/ambassadors/decide_ambassador_application'
import AmbassadorPolicy from '#modules/neighbourhoods/policies/ambassador_policy'
import { pendingApplications, recentDecisions } from '#modules/neighbourhoods/queries/ambassadors'
import {
  ApplicantMovedError,
  ApplicationDecidedError,
  ApplicationNotFoundError,
  OwnApplicationError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import {
  flashNotice,
  namesById,
  pageRefusal,
  viewerId,
} from '#modules/neighbourhoods/services/ambassadors/pages'
import { ambassadorSettings } from '#modules/neighbourhoods/services/ambassadors/settings'
import { rejectionValidator } from '#modules/neighbourhoods/validators/ambassador_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'neighbourhoods::pages/ambassadors/review_applications'

/**
 * Back office (operators only, `operator` middleware and AmbassadorPolicy):
 * applications waiting for a decision, approve or reject with a note.
 */
@inject()
export default class AmbassadorApplicationsReviewController {
  constructor(private decisions: DecideAmbassadorApplication) {}

  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('review')
    return ctx.view.render(VIEW, await this.pageState())
  }

  async decide(ctx: HttpContext) {
    await ctx.bouncer.with(AmbassadorPolicy).authorize('review')
    const operatorId = viewerId(ctx)
    const id = idParam(ctx)
    const decision = ctx.params.decision as 'approve' | 'reject'
    try {
      let outcome
      if (decision === 'approve') {
        outcome = await this.decisions.approve(id, operatorId)
      } else {
        const state = { ...(await this.pageState()), failedId: id }
        const data = await validateForm(ctx, rejectionValidator, VIEW, state)
        outcome = await this.decisions.reject(id, operatorId, data.decision_note ?? null)
      }
      const key = `application_${decision === 'approve' ? 'approved' : 'rejected'}`
      flashNotice(ctx, outcome === 'decided' ? key : `${key}_already`)
    } catch (error) {
      throw await this.refusal(ctx, error, id)
    }
    return ctx.response.redirect().toRoute('operators.ambassadors.applications.index')
  }

  private async pageState() {
    const [pending, decided] = await Promise.all([pendingApplications(), recentDecisions()])
    const names = await namesById([
      ...pending.map((application) => application.userId),
      ...decided.map((application) => application.userId),
      ...decided.flatMap((application) =>
        application.decidedById ? [application.decidedById] : []
      ),
    ])
    return {
      pending,
      decided,
      names,
      failedId: null as number | null,
      noteMax: ambassadorSettings.decisionNoteMax,
    }
  }

  private async refusal(ctx: HttpContext, error: unknown, id: number): Promise<unknown> {
    const t = (key: string, data?: Record<string, unknown>) =>
      ctx.i18n.t(`ambassadors.errors.${key}`, data)
    const page = async (status: number, message: string) =>
      pageRefusal({ view: VIEW, state: await this.pageState(), status, message })

    if (error instanceof ApplicationNotFoundError) {
      return pageNotFound()
    }
    if (error instanceof ApplicationDecidedError) {
      const status = ctx.i18n.t(`ambassadors.application_status.${error.status}`)
      return page(409, t('application_decided', { status, number: id }))
    }
    if (error instanceof OwnApplicationError) return page(403, t('own_application'))
    if (error instanceof ApplicantMovedError) return page(409, t('applicant_moved'))
    return error
  }
}
