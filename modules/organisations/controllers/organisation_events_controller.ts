import type { HttpContext } from '@adonisjs/core/http'
import { FormError } from '#app/forms/form_error'
import {
  createEvent,
  eventFormPage,
  eventPath,
  eventRefusal,
  readEventForm,
} from '#modules/events/index'
import { neighbourhoodAt } from '#modules/neighbourhoods/index'
import {
  managedOrganisation,
  type OrganisationRow,
} from '#modules/organisations/queries/organisation_access'
import { OrganisationRefusal } from '#modules/organisations/services/errors'
import { organisationRefusal } from '#modules/organisations/services/refusals'
import { pageNotFound } from '#app/http/page_not_found'
import { idParam } from '#app/http/route_id'

/**
 * Events posted as an organisation: any member of a verified one writes
 * the event form; it goes out under the organisation's name, in the
 * neighbourhood of its address. Outsiders get a 404, members of an
 * unverified organisation a 403.
 */
export default class OrganisationEventsController {
  async create(ctx: HttpContext) {
    const organisation = await this.organisation(ctx, idParam(ctx))
    const { view, state } = await this.page(ctx, organisation)
    return ctx.view.render(view, state)
  }

  async store(ctx: HttpContext) {
    const id = idParam(ctx)
    const organisation = await this.organisation(ctx, id)
    const page = () => this.page(ctx, organisation)
    let eventId: number
    try {
      if (organisation.verificationStatus !== 'verified') {
        throw new OrganisationRefusal('not_verified', 403)
      }
      const neighbourhoodId = await neighbourhoodAt(organisation)
      if (neighbourhoodId === null) throw new OrganisationRefusal('no_neighbourhood', 409)
      const { input, fieldErrors } = await readEventForm(ctx.request.all(), ctx.i18n)
      if (!input) throw new FormError({ ...(await page()), fieldErrors })
      eventId = await createEvent(
        {
          kind: 'organisation',
          organisationId: id,
          userId: Number(ctx.auth.getUserOrFail().id),
          neighbourhoodId,
          townId: organisation.townId,
          street: null,
        },
        input
      )
    } catch (error) {
      throw await eventRefusal(ctx, await organisationRefusal(ctx, error, page), page)
    }
    ctx.session.flash('success', 'events.flash.created')
    return ctx.response.redirect(eventPath(eventId))
  }

  private async organisation(ctx: HttpContext, id: number): Promise<OrganisationRow> {
    try {
      const { organisation } = await managedOrganisation(id, Number(ctx.auth.getUserOrFail().id))
      return organisation
    } catch (error) {
      throw await organisationRefusal(ctx, error, async () => pageNotFound())
    }
  }

  private page(ctx: HttpContext, organisation: OrganisationRow) {
    return eventFormPage(ctx, {
      action: `/organisations/${organisation.id}/events`,
      /** The organisation's public address, rounded like a resident's map centre. */
      mapCenter: `${organisation.latitude.toFixed(2)},${organisation.longitude.toFixed(2)}`,
      postedAs: organisation.name,
    })
  }
}
