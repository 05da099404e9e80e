import type { HttpContext } from '@adonisjs/core/http'
import { accounts } from '#modules/accounts/index'
import db from '@adonisjs/lucid/services/db'
import OrganisationVerification from '#modules/organisations/actions/organisation_verification'
import { findOrganisation } from '#modules/organisations/queries/organisation_access'
import { operatorQueue } from '#modules/organisations/queries/pages'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import { reviewDecisionValidator } from '#modules/organisations/validators/organisation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const INDEX_VIEW = 'organisations::pages/operators/index'
const REVIEW_VIEW = 'organisations::pages/operators/review'
const PRINT_VIEW = 'organisations::pages/operators/print'

/**
 * Back office (operators only, `operator` middleware, 403 to anyone else
 * like the other operator pages): reviews asked by organisations, with
 * the town hall checklist, and shop postcards to print (each code shown
 * once).
 */
export default class OperatorOrganisationsController {
  async index(ctx: HttpContext) {
    return ctx.view.render(INDEX_VIEW, await operatorQueue())
  }

  async show(ctx: HttpContext) {
    return ctx.view.render(REVIEW_VIEW, await this.reviewState(idParam(ctx)))
  }

  async decide(ctx: HttpContext) {
    const id = idParam(ctx)
    const page = async () => ({ view: REVIEW_VIEW, state: await this.reviewState(id) })
    await this.reviewState(id)
    const input = await validateOrgForm(ctx, reviewDecisionValidator, page)
    try {
      await new OrganisationVerification().decide(Number(ctx.auth.getUserOrFail().id), id, {
        decision: input.decision,
        note: input.note ?? '',
        emailDomainChecked: input.email_domain_checked === true,
        phoneCallbackChecked: input.phone_callback_checked === true,
      })
    } catch (error) {
      throw await organisationRefusal(ctx, error, page)
    }
    ctx.session.flash('success', `organisations.flash.decided_${input.decision}`)
    return ctx.response.redirect('/operators/organisations')
  }

  async print(ctx: HttpContext) {
    const postcardId = idParam(ctx, 'postcardId')
    try {
      const card = await new OrganisationVerification().print(
        Number(ctx.auth.getUserOrFail().id),
        postcardId
      )
      ctx.response.header('Cache-Control', 'no-store')
      return ctx.view.render(PRINT_VIEW, { card })
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => ({
        view: INDEX_VIEW,
        state: await operatorQueue(),
      }))
    }
  }

  private async reviewState(id: number) {
    const organisation = await findOrganisation(id)
    if (!organisation) pageNotFound()
    const members = await db
      .from('organisation_members')
      .where('organisation_id', id)
      .select('user_id', 'role')
    const found = await accounts.mailRecipientsOf(members.map((row) => Number(row.user_id)))
    return {
      organisation: organisation!,
      members: members.map((row) => ({
        role: row.role as string,
        displayName: found.get(Number(row.user_id))?.displayName ?? '',
        email: found.get(Number(row.user_id))?.email ?? '',
      })),
    }
  }
}
