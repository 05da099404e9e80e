import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { validateForm } from '#app/forms/validate_form'
import ApplyAsSuperVoisin from '#modules/neighbourhoods/actions/ambassadors/apply_as_super_voisin'
import { AMBASSADOR_AVAILABILITIES } from '#modules/neighbourhoods/models/ambassador_application'
import {
  ambassadorHome,
  isSuperVoisinIn,
  kitOrdersOf,
  lastRefusalOf,
  latestApplicationOf,
} from '#modules/neighbourhoods/queries/ambassadors'
import { invitationStats } from '#modules/neighbourhoods/index'
import {
  AlreadySuperVoisinError,
  ApplicationPendingError,
  NoNeighbourhoodError,
  TooSoonToReapplyError,
} from '#modules/neighbourhoods/services/ambassadors/errors'
import {
  flashNotice,
  pageRefusal,
  viewerId,
} from '#modules/neighbourhoods/services/ambassadors/pages'
import {
  ambassadorSettings,
  reapplyDate,
} from '#modules/neighbourhoods/services/ambassadors/settings'
import { applicationValidator } from '#modules/neighbourhoods/validators/ambassador_validators'

const VIEW = 'neighbourhoods::pages/ambassadors/dashboard'

/** Whether the resident may apply now, and if not, why. */
type Eligibility = 'no_home' | 'super_voisin' | 'pending' | 'too_soon' | 'open'

/**
 * "Super voisin" (GET /super-voisin): for a super voisin, their
 * neighbourhood, invitation figures and kit orders; for anyone else, what
 * a super voisin does and the application form, or where their
 * application stands. Always about the signed-in resident only.
 */
@inject()
export default class AmbassadorDashboardController {
  constructor(private applyAction: ApplyAsSuperVoisin) {}

  async show(ctx: HttpContext) {
    return ctx.view.render(VIEW, await this.pageState(ctx))
  }

  async apply(ctx: HttpContext) {
    const state = await this.pageState(ctx)
    /** Say why before looking at the form: it is not even shown. */
    if (state.eligibility !== 'open') {
      throw this.refusal(ctx, this.errorFor(state), state)
    }
    const data = await validateForm(ctx, applicationValidator, VIEW, state)
    try {
      await this.applyAction.execute(viewerId(ctx), data)
    } catch (error) {
      throw this.refusal(ctx, error, state)
    }
    flashNotice(ctx, 'applied')
    return ctx.response.redirect().toRoute('neighbourhoods.ambassadors.show')
  }

  /** Everything the page shows; also given to FormError, which renders it again. */
  private async pageState(ctx: HttpContext) {
    const userId = viewerId(ctx)
    const [home, application, refusedAt, orders] = await Promise.all([
      ambassadorHome(userId),
      latestApplicationOf(userId),
      lastRefusalOf(userId),
      kitOrdersOf(userId),
    ])
    const superVoisin = home ? await isSuperVoisinIn(userId, home.neighbourhoodId) : false
    const reapplyOn = refusedAt ? reapplyDate(refusedAt) : null

    let eligibility: Eligibility = 'open'
    if (!home) eligibility = 'no_home'
    else if (superVoisin) eligibility = 'super_voisin'
    else if (application?.status === 'pending') eligibility = 'pending'
    else if (reapplyOn && reapplyOn > new Date()) eligibility = 'too_soon'

    return {
      home,
      superVoisin,
      eligibility,
      application,
      reapplyOn,
      stats: superVoisin ? await invitationStats(userId) : null,
      orders,
      openOrder: orders.some(
        (order) => order.status === 'requested' || order.status === 'approved'
      ),
      availabilities: AMBASSADOR_AVAILABILITIES,
      motivation: ambassadorSettings.motivation,
    }
  }

  private errorFor(state: { eligibility: Eligibility; reapplyOn: Date | null }): Error {
    switch (state.eligibility) {
      case 'no_home':
        return new NoNeighbourhoodError()
      case 'super_voisin':
        return new AlreadySuperVoisinError()
      case 'pending':
        return new ApplicationPendingError()
      default:
        return new TooSoonToReapplyError(state.reapplyOn ?? new Date())
    }
  }

  private refusal(ctx: HttpContext, error: unknown, state: Record<string, unknown>): unknown {
    const t = (key: string, data?: Record<string, unknown>) =>
      ctx.i18n.t(`ambassadors.errors.${key}`, data)
    const page = (status: number, message: string) =>
      pageRefusal({ view: VIEW, state, status, message })

    if (error instanceof NoNeighbourhoodError) return page(403, t('no_neighbourhood'))
    if (error instanceof AlreadySuperVoisinError) return page(409, t('already_super_voisin'))
    if (error instanceof ApplicationPendingError) return page(409, t('application_pending'))
    if (error instanceof TooSoonToReapplyError) {
      const date = ctx.i18n.formatDate(error.reapplyOn, { dateStyle: 'long' })
      return page(409, t('too_soon', { date }))
    }
    return error
  }
}
