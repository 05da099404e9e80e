import type { HttpContext } from '@adonisjs/core/http'
import OrganisationVerification from '#modules/organisations/actions/organisation_verification'
import { managedOrganisation } from '#modules/organisations/queries/organisation_access'
import { manageState } from '#modules/organisations/queries/pages'
import { managePath } from '#modules/organisations/services/links'
import { organisationRefusal, validateOrgForm } from '#modules/organisations/services/refusals'
import { postcardCodeValidator } from '#modules/organisations/validators/organisation_validators'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

const VIEW = 'organisations::pages/manage'

/** A member's steps towards verification, from the management page. */
export default class VerificationController {
  async review(ctx: HttpContext) {
    const id = idParam(ctx)
    await this.run(ctx, id, () =>
      new OrganisationVerification().requestReview(this.userId(ctx), id)
    )
    ctx.session.flash('success', 'organisations.flash.review_requested')
    return ctx.response.redirect(managePath(id))
  }

  async postcard(ctx: HttpContext) {
    const id = idParam(ctx)
    await this.run(ctx, id, () =>
      new OrganisationVerification().requestPostcard(this.userId(ctx), id)
    )
    ctx.session.flash('success', 'organisations.flash.postcard_requested')
    return ctx.response.redirect(managePath(id))
  }

  async code(ctx: HttpContext) {
    const id = idParam(ctx)
    await this.state(ctx, id)
    const { code } = await validateOrgForm(ctx, postcardCodeValidator, async () => ({
      view: VIEW,
      state: await this.state(ctx, id),
    }))
    await this.run(ctx, id, () =>
      new OrganisationVerification().enterCode(this.userId(ctx), id, code)
    )
    ctx.session.flash('success', 'organisations.flash.verified')
    return ctx.response.redirect(managePath(id))
  }

  private async run(ctx: HttpContext, id: number, step: () => Promise<void>) {
    try {
      await step()
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => ({
        view: VIEW,
        state: await this.state(ctx, id),
      }))
    }
  }

  private userId(ctx: HttpContext): number {
    return Number(ctx.auth.getUserOrFail().id)
  }

  private async state(ctx: HttpContext, id: number) {
    try {
      const { organisation, role } = await managedOrganisation(id, this.userId(ctx))
      return await manageState(organisation, role)
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }
}
